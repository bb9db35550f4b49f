import type { CharacterResolvers } from '../__generated__/resolvers-types.js';
import { sheetOf } from '../character-state.js';
import type { CharacterRow } from '../db/schema.js';
import {
  subclassFromText,
  ABILITIES,
  abilityScoreImprovementLevels,
  allocateSkills,
  automaticSkillGrants,
  expertiseCount,
  fightingStyleGrants,
  isFeat,
  skillPools,
  type SkillPoolUse,
} from '../rules/index.js';

// The pools filled the way validation fills them, so skillChoices shows where each chosen skill counts.
function poolUses(row: CharacterRow): SkillPoolUse[] {
  return allocateSkills(row.skillProficiencies, skillPools(row)).uses;
}

/** Character's builder-choice fields: what was chosen and what is left to choose. */
export const characterChoiceFields: Pick<
  CharacterResolvers,
  | 'grantedSkills'
  | 'skillChoices'
  | 'skillChoicesRemaining'
  | 'expertiseRemaining'
  | 'fightingStyleChoicesRemaining'
  | 'abilityScoreImprovements'
  | 'openAbilityScoreImprovementLevels'
> = {
  grantedSkills: (row) => automaticSkillGrants(row),
  skillChoices: (row) => poolUses(row).map((use) => ({ ...use, from: [...use.from], remaining: Math.max(0, use.count - use.chosen.length) })),
  skillChoicesRemaining: (row) => poolUses(row).reduce((sum, use) => sum + Math.max(0, use.count - use.chosen.length), 0),
  expertiseRemaining: (row) => Math.max(0, expertiseCount(row.characterClass, sheetOf(row).level) - row.expertise.length),
  fightingStyleChoicesRemaining: (row) =>
    Math.max(
      0,
      fightingStyleGrants(row.characterClass, subclassFromText(row.subclass, row.characterClass), sheetOf(row).level).length - row.fightingStyles.length,
    ),
  abilityScoreImprovements: (row) =>
    [...row.abilityScoreImprovements]
      .sort((a, b) => a.level - b.level)
      .map((asi) => ({
        level: asi.level,
        increases: ABILITIES.filter((ability) => (asi.increases[ability] ?? 0) > 0).map((ability) => ({ ability, amount: asi.increases[ability]! })),
        feat: asi.feat !== null && isFeat(asi.feat) ? asi.feat : null,
      })),
  openAbilityScoreImprovementLevels: (row) => {
    const taken = new Set(row.abilityScoreImprovements.map((asi) => asi.level));
    return abilityScoreImprovementLevels(row.characterClass).filter((level) => level <= sheetOf(row).level && !taken.has(level));
  },
};
