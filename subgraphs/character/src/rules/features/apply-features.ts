import { type Ability, type AbilityScores } from '../abilities.js';
import type { FeatureEffect } from './feature-definition.js';

/** The effects of the features a character has, one list, so each rule below reads only the kind it applies. */
type Effects = readonly FeatureEffect[];
type Of<T extends FeatureEffect['type']> = Extract<FeatureEffect, { type: T }>;
const ofType = <T extends FeatureEffect['type']>(effects: Effects, type: T): Of<T>[] => effects.filter((effect): effect is Of<T> => effect.type === type);

// SRD "Critical Hits": a natural 20 is a critical hit unless a feature widens the range.
const NATURAL_CRITICAL = 20;
// SRD 5.1 Aura of Protection: the Charisma modifier, "with a minimum bonus of +1".
const MIN_AURA_SAVE_BONUS = 1;

/** SRD 5.1 Primal Champion: the increase stops at the feature's own maximum, and never lowers a score above it. */
export function raisedScores(scores: AbilityScores, effects: Effects): AbilityScores {
  const raised = { ...scores };
  for (const effect of ofType(effects, 'ABILITY_INCREASE')) {
    for (const ability of effect.abilities) raised[ability] = Math.max(raised[ability], Math.min(raised[ability] + effect.amount, effect.maximum));
  }
  return raised;
}

/** Diamond Soul (every save), Slippery Mind (Wisdom): saving throw proficiencies beyond the class's. */
export function featureSaveProficiency(effects: Effects, ability: Ability): boolean {
  return ofType(effects, 'SAVE_PROFICIENCY').some((effect) => effect.abilities === 'ALL' || effect.abilities.includes(ability));
}

/**
 * Jack of All Trades (half proficiency rounded down, any check) and Remarkable Athlete (rounded up, Strength,
 * Dexterity and Constitution checks): the bonus on a check without proficiency. Initiative is a Dexterity check.
 */
export function nonProficientCheckBonus(effects: Effects, ability: Ability, proficiencyBonus: number): number {
  const bonuses = ofType(effects, 'NON_PROFICIENT_CHECKS')
    .filter((effect) => effect.abilities === 'ALL' || effect.abilities.includes(ability))
    .map((effect) => (effect.rounding === 'UP' ? Math.ceil(proficiencyBonus / 2) : Math.floor(proficiencyBonus / 2)));
  return Math.max(0, ...bonuses);
}

/** Aura of Protection: the paladin's own saves gain the Charisma modifier, at least +1. */
export function auraSaveBonus(effects: Effects, charismaModifier: number): number {
  return ofType(effects, 'AURA').some((effect) => effect.saveBonus) ? Math.max(MIN_AURA_SAVE_BONUS, charismaModifier) : 0;
}

export interface Worn {
  heavyArmor: boolean;
  anyArmor: boolean;
  shield: boolean;
}

/** Fast Movement (not in heavy armour) and Unarmored Movement (no armour, no shield). */
export function featureSpeedBonus(effects: Effects, level: number, worn: Worn): number {
  return ofType(effects, 'SPEED_BONUS')
    .filter((effect) => (effect.lostIn === 'HEAVY_ARMOR' ? !worn.heavyArmor : !worn.anyArmor && !worn.shield))
    .reduce((sum, effect) => sum + effect.feet(level), 0);
}

/** Draconic Resilience: hit points added at every level. */
export function featureHitPointsPerLevel(effects: Effects): number {
  return ofType(effects, 'HIT_POINTS_PER_LEVEL').reduce((sum, effect) => sum + effect.amount, 0);
}

/** Draconic Resilience: the base of unarmoured armour class (13 instead of 10), or null when no feature sets one. */
export function unarmoredBaseArmorClass(effects: Effects): number | null {
  const bases = ofType(effects, 'UNARMORED_BASE_AC').map((effect) => effect.base);
  return bases.length ? Math.max(...bases) : null;
}

/** The lowest d20 roll that is a critical hit: Improved Critical 19, Superior Critical 18. */
export function criticalRange(effects: Effects): number {
  return Math.min(NATURAL_CRITICAL, ...ofType(effects, 'CRITICAL_RANGE').map((effect) => effect.minimum));
}

export interface Sense {
  name: string;
  range: number;
}

/** Darkvision, Blindsense, Feral Senses: each once, at its longest range. */
export function senses(effects: Effects): Sense[] {
  const ranges = new Map<string, number>();
  for (const effect of ofType(effects, 'SENSE')) ranges.set(effect.sense, Math.max(ranges.get(effect.sense) ?? 0, effect.feet));
  return [...ranges].map(([name, range]) => ({ name, range }));
}

export interface Aura {
  name: string;
  range: number;
  effect: string;
}

/** The auras the character projects, with their range at its level; Aura of Protection names its bonus. */
export function auras(features: readonly { name: string; effects: Effects }[], level: number, charismaModifier: number): Aura[] {
  return features.flatMap((feature) =>
    ofType(feature.effects, 'AURA').map((effect) => ({
      name: feature.name,
      range: effect.range(level),
      effect: effect.saveBonus ? `+${auraSaveBonus([effect], charismaModifier)} to saving throws` : effect.effect,
    })),
  );
}
