import type { Ability } from './abilities.js';

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
