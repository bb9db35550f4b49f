/**
 * Cross-checks the builder-choice tables (skill pools and grants, Expertise, fighting styles, Ability Score
 * Improvement levels, the feat) against the SRD 5.1 facts the repository writes down in
 * src/testing/srd-5.1-choices-facts.ts, for every class at every level 1-20.
 */
import { describe, expect, it } from 'vitest';
import {
  SRD_ACOLYTE_SKILLS,
  SRD_ASI_LEVELS,
  SRD_CLASS_SKILL_CHOICES,
  SRD_CUSTOM_BACKGROUND_SKILLS,
  SRD_EXPERTISE,
  SRD_FIGHTING_STYLES,
  SRD_GRAPPLER_PREREQUISITE,
  SRD_RACE_SKILLS,
} from '../testing/srd-5.1-choices-facts.js';
import { abilityScoreImprovementLevels, FEAT_RULES } from './advancement-choices.js';
import { CHARACTER_CLASSES, CLASSES } from './classes.js';
import { expertiseCount } from './expertise.js';
import { fightingStyleGrants } from './fighting-styles.js';
import { RACES } from './races.js';
import { automaticSkillGrants, skillPools } from './skill-grants.js';
import { SKILLS } from './skills.js';

const LEVELS = Array.from({ length: 20 }, (_, i) => i + 1);
const words = (list: string) => list.split(' ').sort();

describe('builder choices agree with the SRD 5.1', () => {
  it('gives every class its skill list and count', () => {
    for (const characterClass of CHARACTER_CLASSES) {
      const srd = SRD_CLASS_SKILL_CHOICES[characterClass]!;
      const ours = CLASSES[characterClass].skillChoices;
      expect([characterClass, ours.count, ours.from === 'ANY' ? 'ANY' : [...ours.from].sort()]).toEqual([
        characterClass,
        srd.choose,
        srd.from === 'ANY' ? 'ANY' : words(srd.from),
      ]);
    }
  });

  it('has Ability Score Improvements, Expertise and fighting styles at the SRD levels for 12 classes x 20 levels', () => {
    for (const characterClass of CHARACTER_CLASSES) {
      expect([characterClass, abilityScoreImprovementLevels(characterClass)]).toEqual([characterClass, SRD_ASI_LEVELS[characterClass]]);
      for (const level of LEVELS) {
        const expertise = (SRD_EXPERTISE[characterClass] ?? []).filter((grant) => grant.level <= level).reduce((sum, grant) => sum + grant.skills, 0);
        expect([characterClass, level, expertiseCount(characterClass, level)]).toEqual([characterClass, level, expertise]);
        for (const subclass of [null, 'Champion']) {
          const srd = SRD_FIGHTING_STYLES.filter(
            (grant) => grant.characterClass === characterClass && grant.level <= level && (grant.subclass === null || grant.subclass === subclass),
          );
          const ours = fightingStyleGrants(characterClass, subclass === null ? null : 'CHAMPION', level);
          expect([characterClass, level, subclass, ours.map((grant) => [...grant.from].sort())]).toEqual([
            characterClass,
            level,
            subclass,
            srd.map((grant) => words(grant.styles)),
          ]);
        }
      }
    }
  });

  it('grants the racial and background skills', () => {
    for (const race of RACES) {
      const srd = SRD_RACE_SKILLS[race] ?? { fixed: [], chooseAny: 0 };
      const build = { race, characterClass: 'FIGHTER', background: null } as const;
      const racePool = skillPools(build).find((pool) => pool.source === 'RACE');
      expect([race, automaticSkillGrants(build).map((grant) => grant.skill), racePool?.count ?? 0]).toEqual([race, srd.fixed, srd.chooseAny]);
      if (racePool) expect(racePool.from).toEqual(SKILLS);
    }
    const acolyte = { race: 'HUMAN', characterClass: 'CLERIC', background: 'Acolyte' } as const;
    expect(automaticSkillGrants(acolyte).map((grant) => grant.skill)).toEqual(SRD_ACOLYTE_SKILLS);
    expect(skillPools(acolyte).filter((pool) => pool.source === 'BACKGROUND')).toEqual([]);
    const custom = skillPools({ race: 'HUMAN', characterClass: 'CLERIC', background: 'Sailor' }).find((pool) => pool.source === 'BACKGROUND');
    expect([custom?.count, custom?.from.length]).toEqual([SRD_CUSTOM_BACKGROUND_SKILLS, SKILLS.length]);
  });

  it('knows the Grappler prerequisite', () => {
    expect(FEAT_RULES.GRAPPLER.minimumScores).toEqual({ [SRD_GRAPPLER_PREREQUISITE.ability]: SRD_GRAPPLER_PREREQUISITE.minimum });
  });
});
