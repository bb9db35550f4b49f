import { ABILITIES, type Ability, type AbilityScores } from './abilities.js';
import type { CharacterClass } from './classes.js';

/**
 * What a player chose at one of the class's Ability Score Improvement levels: +2 to one ability or +1 to two
 * (SRD 5.1 "Ability Score Improvement"), or a feat instead (the SRD's only feat is Grappler).
 */
export interface AbilityScoreImprovement {
  /** The class level of the improvement (4, 8, 12, 16, 19 for most classes). */
  level: number;
  /** The increases; empty when a feat was taken instead. */
  increases: Partial<Record<Ability, number>>;
  /** The feat taken instead of the increases, or null. */
  feat: string | null;
}

// SRD 5.1: every class has Ability Score Improvement at 4th, 8th, 12th, 16th and 19th level.
const COMMON_ASI_LEVELS = [4, 8, 12, 16, 19] as const;
// SRD 5.1 Fighter: also at 6th and 14th; Rogue: also at 10th.
const EXTRA_ASI_LEVELS: Partial<Record<CharacterClass, readonly number[]>> = { FIGHTER: [6, 14], ROGUE: [10] };

/** The class levels at which the class has an Ability Score Improvement, ascending. */
export function abilityScoreImprovementLevels(characterClass: CharacterClass): number[] {
  return [...COMMON_ASI_LEVELS, ...(EXTRA_ASI_LEVELS[characterClass] ?? [])].sort((a, b) => a - b);
}

// SRD 5.1 Ability Score Improvement: "you can't increase an ability score above 20 using this feature".
export const ASI_SCORE_CAP = 20;
// SRD 5.1 Ability Score Improvement: "increase one ability score of your choice by 2, or ... two ability scores by 1".
export const ASI_POINTS = 2;

export const FEATS = ['GRAPPLER'] as const;
export type Feat = (typeof FEATS)[number];

/** The SRD 5.1's one feat and its prerequisite (Grappler: Strength 13 or higher). */
export const FEAT_RULES: Record<Feat, { name: string; minimumScores: Partial<Record<Ability, number>> }> = {
  GRAPPLER: { name: 'Grappler', minimumScores: { STRENGTH: 13 } },
};

export function isFeat(value: string): value is Feat {
  return (FEATS as readonly string[]).includes(value);
}

/** True when the increases are +2 to one ability or +1 to two different abilities. */
export function isValidIncrease(increases: Partial<Record<Ability, number>>): boolean {
  const amounts = Object.values(increases).filter((amount) => amount !== 0);
  if (amounts.some((amount) => !Number.isInteger(amount) || amount < 0)) return false;
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  return total === ASI_POINTS && amounts.length >= 1 && amounts.length <= ASI_POINTS;
}

/** The total increase per ability of the improvements (feats add nothing here). */
export function improvementBonuses(improvements: readonly AbilityScoreImprovement[]): AbilityScores {
  return Object.fromEntries(ABILITIES.map((ability) => [ability, improvements.reduce((sum, asi) => sum + (asi.increases[ability] ?? 0), 0)])) as AbilityScores;
}
