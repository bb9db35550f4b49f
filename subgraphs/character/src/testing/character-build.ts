import type { CharacterBuild } from '../rules/index.js';

/**
 * A build with nothing chosen, spent or worn: the rules tests spread it and set only what their case is about, so
 * a field added to CharacterBuild gets its neutral value in one place.
 */
export const EMPTY_BUILD = {
  abilityBonusChoices: [],
  experience: 0,
  hitPointRolls: [],
  skillProficiencies: [],
  subclass: null,
  background: null,
  expertise: [],
  fightingStyles: [],
  abilityScoreImprovements: [],
  conditions: [],
  exhaustion: 0,
  equippedArmor: [],
  equippedWeapons: [],
} satisfies Omit<CharacterBuild, 'race' | 'characterClass' | 'baseScores'>;
