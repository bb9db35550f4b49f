import type { Ability } from '../abilities.js';

/** A feature's change to a number on the sheet, which apply-features.ts applies. */
export type FeatureEffect =
  /** Walking speed bonus in feet, lost in heavy armour (Fast Movement) or in any armour or with a shield (Unarmored Movement). */
  | { type: 'SPEED_BONUS'; feet: (level: number) => number; lostIn: 'HEAVY_ARMOR' | 'ARMOR_OR_SHIELD' }
  /** Ability scores raised, with a raised maximum (Primal Champion). */
  | { type: 'ABILITY_INCREASE'; abilities: readonly Ability[]; amount: number; maximum: number }
  /** Half the proficiency bonus on ability checks that have no proficiency, initiative included. */
  | { type: 'NON_PROFICIENT_CHECKS'; rounding: 'DOWN' | 'UP'; abilities: readonly Ability[] | 'ALL' }
  /** Proficiency in saving throws beyond the class's two. */
  | { type: 'SAVE_PROFICIENCY'; abilities: readonly Ability[] | 'ALL' }
  /** An aura around the character; with saveBonus the character's own saves gain the Charisma modifier (at least +1). */
  | { type: 'AURA'; range: (level: number) => number; effect: string; saveBonus: boolean }
  /** Extra hit points for every level of the class. */
  | { type: 'HIT_POINTS_PER_LEVEL'; amount: number }
  /** Without body armour, armour class is this base + Dexterity modifier (a shield still adds). */
  | { type: 'UNARMORED_BASE_AC'; base: number }
  /** A special sense with its range. */
  | { type: 'SENSE'; sense: string; feet: number }
  /** Weapon attacks score a critical hit on this d20 roll or higher. */
  | { type: 'CRITICAL_RANGE'; minimum: number };

/** One class feature, subclass feature or racial trait, as our tables write it. */
export interface FeatureDefinition {
  name: string;
  /** The class level it arrives at (1 for racial traits). */
  level: number;
  /** One line in our own words. */
  description: string;
  /** The feature's number at a class level (Sneak Attack "3d6"), when it has one. */
  value?: (level: number) => string;
  effects?: readonly FeatureEffect[];
}

/** The value of the last step at or below the level: steps are [level, value] in level order. */
export function stepped(steps: readonly (readonly [number, string])[]): (level: number) => string {
  return (level) => steps.filter(([from]) => from <= level).at(-1)?.[1] ?? steps[0]![1];
}

/** The same feature arriving again at several levels (Ability Score Improvement). */
export function repeated(name: string, levels: readonly number[], description: string): FeatureDefinition[] {
  return levels.map((level) => ({ name, level, description }));
}

/** SRD 5.1: every class gains an Ability Score Improvement at 4, 8, 12, 16 and 19 (fighters and rogues at more). */
export const ASI_LEVELS = [4, 8, 12, 16, 19];
export const asi = (levels: readonly number[] = ASI_LEVELS) =>
  repeated('Ability Score Improvement', levels, 'Raise one ability score by 2 or two by 1 (no higher than 20), or take a feat.');
