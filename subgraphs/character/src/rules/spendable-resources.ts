import type { CharacterSheet } from './character-sheet.js';
import { availableFeatures, type LimitedFeature, type Recharge } from './feature-uses.js';
import type { CharacterClass } from './classes.js';
import type { Race } from './races.js';

/** What a character has spent since its last rests (the stored play state). */
export interface SpentResources {
  hitDiceSpent: number;
  /** Index 0 is spell level 1. */
  spellSlotsSpent: readonly number[];
  pactSlotsSpent: number;
  featureUsesSpent: Readonly<Record<string, number>>;
}

export interface ResourceLine {
  total: number;
  spent: number;
  remaining: number;
}

export interface FeatureUseLine {
  feature: LimitedFeature;
  name: string;
  used: number;
  /** null: unlimited (a 20th-level barbarian's rages). */
  max: number | null;
  remaining: number | null;
  recharge: Recharge;
}

export interface SpendableResources {
  hitDice: ResourceLine & { die: number };
  spellSlots: (ResourceLine & { level: number })[];
  pactSlots: (ResourceLine & { level: number }) | null;
  featureUses: FeatureUseLine[];
}

/** Spent is never shown above the total: a total can shrink under it (less experience, another class). */
const line = (total: number, spent: number): ResourceLine => {
  const shown = Math.min(Math.max(0, spent), total);
  return { total, spent: shown, remaining: total - shown };
};

export interface CharacterIdentity {
  characterClass: CharacterClass;
  race: Race;
  subclass: string | null;
}

/** Hit dice, spell slots, pact slots and feature uses: each total from the sheet, less what the stored state spent. */
export function spendableResources(sheet: CharacterSheet, who: CharacterIdentity, spent: SpentResources): SpendableResources {
  // SRD Hit Dice: a character has one hit die per level.
  const hitDice = { ...line(sheet.level, spent.hitDiceSpent), die: sheet.hitDie };
  const casting = sheet.spellcasting;
  const spellSlots = (casting?.slots ?? []).map((slot) => ({ level: slot.level, ...line(slot.total, spent.spellSlotsSpent[slot.level - 1] ?? 0) }));
  const pact = casting?.pactSlots ?? null;
  const pactSlots = pact ? { level: pact.level, ...line(pact.count, spent.pactSlotsSpent) } : null;
  const charismaModifier = sheet.abilities.find((ability) => ability.ability === 'CHARISMA')?.modifier ?? 0;
  const featureUses = availableFeatures({ ...who, level: sheet.level, charismaModifier }).map((feature): FeatureUseLine => {
    const used = spent.featureUsesSpent[feature.feature] ?? 0;
    if (feature.max === null) return { ...feature, used, remaining: null };
    const shown = line(feature.max, used);
    return { ...feature, used: shown.spent, remaining: shown.remaining };
  });
  return { hitDice, spellSlots, pactSlots, featureUses };
}
