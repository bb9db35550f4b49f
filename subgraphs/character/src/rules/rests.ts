import type { AvailableFeature } from './feature-uses.js';

/** SRD 5.1 Sorcerer, Sorcerous Restoration: at 20th level, 4 expended sorcery points come back with every short rest. */
const SORCEROUS_RESTORATION = { level: 20, points: 4 };

export interface HitDieHealingInput {
  /** Each spent hit die as rolled (by the player, or by the server's provable dice): 1..hitDie each. */
  rolls: readonly number[];
  constitutionModifier: number;
  currentHitPoints: number;
  maxHitPoints: number;
}

export interface HitDieHealing {
  /** Hit points each die gave: its roll + the CON modifier, at least 0. */
  perDie: number[];
  /** Hit points actually regained: the sum, but never past the maximum. */
  healing: number;
  currentHitPoints: number;
}

/**
 * SRD 5.1 Short Rest: for each hit die spent, roll it and add the Constitution modifier; the character regains
 * that many hit points (at least 0 per die, as a roll plus a negative modifier heals nothing rather than harms).
 */
export function hitDieHealing(input: HitDieHealingInput): HitDieHealing {
  const perDie = input.rolls.map((roll) => Math.max(0, roll + input.constitutionModifier));
  const total = perDie.reduce((sum, hitPoints) => sum + hitPoints, 0);
  const currentHitPoints = Math.min(input.maxHitPoints, input.currentHitPoints + total);
  return { perDie, healing: currentHitPoints - input.currentHitPoints, currentHitPoints };
}

/** SRD 5.1 Long Rest: spent hit dice come back up to half the character's total (minimum one). */
export function hitDiceRegainedOnLongRest(level: number, hitDiceSpent: number): number {
  return Math.min(hitDiceSpent, Math.max(1, Math.floor(level / 2)));
}

/** SRD 5.1 Exhaustion: finishing a long rest (with food and drink) reduces exhaustion by one level. */
export function exhaustionAfterLongRest(exhaustion: number): number {
  return Math.max(0, exhaustion - 1);
}

/**
 * The spent feature uses after a rest: a long rest restores every feature, a short rest those recharging on a short
 * rest (plus Sorcerous Restoration's points). Uses of features the character no longer has are dropped on a long rest.
 */
export function featureUsesAfterRest(
  spent: Readonly<Record<string, number>>,
  features: readonly AvailableFeature[],
  rest: 'SHORT' | 'LONG',
  sorcererLevel: number | null,
): Record<string, number> {
  if (rest === 'LONG') return {};
  const after: Record<string, number> = {};
  for (const [feature, used] of Object.entries(spent)) {
    const rules = features.find((available) => available.feature === feature);
    let left = rules?.recharge === 'SHORT' ? 0 : used;
    if (feature === 'SORCERY_POINTS' && sorcererLevel !== null && sorcererLevel >= SORCEROUS_RESTORATION.level) {
      left = Math.max(0, left - SORCEROUS_RESTORATION.points);
    }
    if (left > 0) after[feature] = left;
  }
  return after;
}
