import { describe, expect, it } from 'vitest';
import type { AbilityScores } from './abilities.js';
import { computeSheet, type CharacterBuild } from './character-sheet.js';
import { EMPTY_BUILD } from '../testing/character-build.js';

const scores: AbilityScores = { STRENGTH: 15, DEXTERITY: 14, CONSTITUTION: 13, INTELLIGENCE: 12, WISDOM: 10, CHARISMA: 8 };

function build(overrides: Partial<CharacterBuild>): CharacterBuild {
  return {
    race: 'HUMAN',
    characterClass: 'FIGHTER',
    baseScores: scores,
    ...EMPTY_BUILD,
    ...overrides,
  };
}

const skill = (sheet: ReturnType<typeof computeSheet>, name: string) => sheet.skills.find((line) => line.skill === name);

describe('the sheet applies the builder choices', () => {
  it('makes a high elf proficient in Perception (Keen Senses), and passive Perception follows', () => {
    // High elf: WIS 10 (+0); level 1 proficiency +2.
    const sheet = computeSheet(build({ race: 'HIGH_ELF', characterClass: 'WIZARD' }));
    expect(skill(sheet, 'PERCEPTION')).toMatchObject({ proficient: true, expertise: false, bonus: 2 });
    expect(sheet.passivePerception).toBe(12);
  });

  it('makes a half-orc proficient in Intimidation (Menacing) and an Acolyte in Insight and Religion', () => {
    expect(skill(computeSheet(build({ race: 'HALF_ORC' })), 'INTIMIDATION')?.proficient).toBe(true);
    const acolyte = computeSheet(build({ characterClass: 'CLERIC', background: 'Acolyte' }));
    expect([skill(acolyte, 'INSIGHT')?.proficient, skill(acolyte, 'RELIGION')?.proficient, skill(acolyte, 'HISTORY')?.proficient]).toEqual([true, true, false]);
  });

  it('doubles the proficiency bonus of Expertise skills: a level 1 rogue with Perception gets WIS +0 + 2 x 2', () => {
    // Human: WIS 10 + 1 = 11 (+0).
    const sheet = computeSheet(build({ characterClass: 'ROGUE', skillProficiencies: ['PERCEPTION', 'STEALTH'], expertise: ['PERCEPTION'] }));
    expect(skill(sheet, 'PERCEPTION')).toMatchObject({ proficient: true, expertise: true, bonus: 4 });
    expect(skill(sheet, 'STEALTH')).toMatchObject({ expertise: false, bonus: 2 + 2 });
    expect(sheet.passivePerception).toBe(14);
  });

  it('gives no Expertise doubling on a skill the character is not proficient in', () => {
    const sheet = computeSheet(build({ characterClass: 'ROGUE', expertise: ['ARCANA'] }));
    // INT 12 + 1 = 13 (+1), no proficiency.
    expect(skill(sheet, 'ARCANA')).toMatchObject({ proficient: false, expertise: false, bonus: 1 });
  });

  it('adds +1 AC for the Defense style in armour, and nothing unarmoured or with only a shield', () => {
    // Chain mail 16; with Defense 17.
    expect(computeSheet(build({ equippedArmor: ['CHAIN_MAIL'] })).armorClass).toBe(16);
    expect(computeSheet(build({ equippedArmor: ['CHAIN_MAIL'], fightingStyles: ['DEFENSE'] })).armorClass).toBe(17);
    // Human DEX 15 (+2): 12 unarmoured, 14 with a shield, Defense adds nothing to either.
    expect(computeSheet(build({ fightingStyles: ['DEFENSE'] })).armorClass).toBe(12);
    expect(computeSheet(build({ fightingStyles: ['DEFENSE'], equippedArmor: ['SHIELD'] })).armorClass).toBe(14);
  });

  it('adds Ability Score Improvements after the racial increases, and a feat adds no score', () => {
    const sheet = computeSheet(
      build({
        experience: 14000, // level 6
        abilityScoreImprovements: [
          { level: 4, increases: { STRENGTH: 2 }, feat: null },
          { level: 6, increases: {}, feat: 'GRAPPLER' },
        ],
      }),
    );
    const strength = sheet.abilities.find((line) => line.ability === 'STRENGTH');
    // 15 base + 1 human + 2 improvement = 18 (+4); the Athletics check uses it.
    expect(strength).toMatchObject({ baseScore: 15, racialBonus: 1, improvement: 2, score: 18, modifier: 4 });
    expect(sheet.abilities.find((line) => line.ability === 'DEXTERITY')?.improvement).toBe(0);
    expect(skill(sheet, 'ATHLETICS')?.bonus).toBe(4);
  });
});
