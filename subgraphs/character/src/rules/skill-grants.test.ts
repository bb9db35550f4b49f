import { describe, expect, it } from 'vitest';
import { allocateSkills, automaticSkillGrants, proficientSkills, skillPools } from './skill-grants.js';

describe('skill pools and grants', () => {
  it('gives a fighter with a custom background the class pool (2 of 8) and two of any skill', () => {
    const pools = skillPools({ characterClass: 'FIGHTER', race: 'HUMAN', background: 'Soldier' });
    expect(pools.map((pool) => [pool.source, pool.name, pool.count, pool.from.length])).toEqual([
      ['CLASS', 'FIGHTER', 2, 8],
      ['BACKGROUND', 'Soldier', 2, 18],
    ]);
  });

  it('gives no background pool before a background is chosen, and none for the Acolyte, whose skills are fixed', () => {
    expect(skillPools({ characterClass: 'FIGHTER', race: 'HUMAN', background: null }).map((pool) => pool.source)).toEqual(['CLASS']);
    expect(skillPools({ characterClass: 'CLERIC', race: 'HUMAN', background: ' acolyte ' }).map((pool) => pool.source)).toEqual(['CLASS']);
    expect(automaticSkillGrants({ characterClass: 'CLERIC', race: 'HUMAN', background: 'Acolyte' })).toEqual([
      { skill: 'INSIGHT', source: 'BACKGROUND', name: 'Acolyte' },
      { skill: 'RELIGION', source: 'BACKGROUND', name: 'Acolyte' },
    ]);
  });

  it('grants Keen Senses to a high elf, Menacing to a half-orc and Skill Versatility (two of any) to a half-elf', () => {
    expect(automaticSkillGrants({ characterClass: 'WIZARD', race: 'HIGH_ELF', background: null })).toEqual([
      { skill: 'PERCEPTION', source: 'RACE', name: 'Keen Senses' },
    ]);
    expect(automaticSkillGrants({ characterClass: 'BARBARIAN', race: 'HALF_ORC', background: null }).map((grant) => grant.skill)).toEqual(['INTIMIDATION']);
    const halfElf = skillPools({ characterClass: 'WIZARD', race: 'HALF_ELF', background: null });
    expect(halfElf.map((pool) => [pool.source, pool.name, pool.count])).toEqual([
      ['CLASS', 'WIZARD', 2],
      ['RACE', 'Skill Versatility', 2],
    ]);
  });

  it('places skills outside the class list into open pools and keeps class-list skills in the class pool', () => {
    const pools = skillPools({ characterClass: 'FIGHTER', race: 'HALF_ELF', background: 'Sailor' });
    // Two class skills, two outside the list (background), two more class-list skills (Skill Versatility).
    const { uses, unplaced } = allocateSkills(['ATHLETICS', 'PERCEPTION', 'STEALTH', 'ARCANA', 'ACROBATICS', 'SURVIVAL'], pools);
    expect(unplaced).toEqual([]);
    expect(uses.map((use) => use.chosen.length)).toEqual([2, 2, 2]);
    expect(uses[0]!.chosen.every((skill) => pools[0]!.from.includes(skill))).toBe(true);
  });

  it('leaves over a skill from no pool and a skill beyond the count', () => {
    const pools = skillPools({ characterClass: 'FIGHTER', race: 'HUMAN', background: null });
    expect(allocateSkills(['ATHLETICS', 'ARCANA'], pools).unplaced).toEqual(['ARCANA']);
    expect(allocateSkills(['ATHLETICS', 'PERCEPTION', 'SURVIVAL'], pools).unplaced).toHaveLength(1);
    expect(allocateSkills(['ATHLETICS'], pools).uses[0]!.chosen).toEqual(['ATHLETICS']);
  });

  it('counts chosen and granted skills as proficient', () => {
    expect([...proficientSkills(['ARCANA'], { characterClass: 'WIZARD', race: 'HIGH_ELF', background: null })].sort()).toEqual(['ARCANA', 'PERCEPTION']);
  });
});
