import { CLASSES, type CharacterClass } from './classes.js';

/**
 * SRD 5.1 full-caster spell slots (bard, cleric, druid, sorcerer, wizard), by character level 1..20;
 * each row lists slots of spell levels 1..9, trailing zeros left out.
 */
const FULL_CASTER_SLOTS: readonly (readonly number[])[] = [
  [2],
  [3],
  [4, 2],
  [4, 3],
  [4, 3, 2],
  [4, 3, 3],
  [4, 3, 3, 1],
  [4, 3, 3, 2],
  [4, 3, 3, 3, 1],
  [4, 3, 3, 3, 2],
  [4, 3, 3, 3, 2, 1],
  [4, 3, 3, 3, 2, 1],
  [4, 3, 3, 3, 2, 1, 1],
  [4, 3, 3, 3, 2, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1, 1],
  [4, 3, 3, 3, 3, 1, 1, 1, 1],
  [4, 3, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 3, 2, 2, 1, 1],
];

/** Warlock Pact Magic by level 1..20: [slot count, slot level]. */
const PACT_SLOTS: readonly (readonly [number, number])[] = [
  [1, 1],
  [2, 1],
  [2, 2],
  [2, 2],
  [2, 3],
  [2, 3],
  [2, 4],
  [2, 4],
  [2, 5],
  [2, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [4, 5],
  [4, 5],
  [4, 5],
  [4, 5],
];

export interface SpellSlot {
  level: number;
  total: number;
}

export interface PactSlots {
  count: number;
  level: number;
}

export interface SpellSlots {
  slots: SpellSlot[];
  pactSlots: PactSlots | null;
}

function toSlots(row: readonly number[] | undefined): SpellSlot[] {
  return (row ?? []).map((total, index) => ({ level: index + 1, total })).filter((slot) => slot.total > 0);
}

/** First level at which the class has the Spellcasting (or Pact Magic) feature; null for non-casters. */
export function spellcastingStartLevel(characterClass: CharacterClass): number | null {
  const spellcasting = CLASSES[characterClass].spellcasting;
  if (!spellcasting) return null;
  return spellcasting.progression === 'HALF' ? 2 : 1;
}

/**
 * Slots of a single-class character, or null when the class casts no spells (yet: a level 1 paladin).
 * Half casters use the full-caster row of half their level rounded up: the SRD paladin and ranger
 * tables are exactly that from level 2 on (the same rule the multiclass table uses).
 */
export function spellSlots(characterClass: CharacterClass, level: number): SpellSlots | null {
  const spellcasting = CLASSES[characterClass].spellcasting;
  const start = spellcastingStartLevel(characterClass);
  if (!spellcasting || start === null || level < start) return null;
  switch (spellcasting.progression) {
    case 'FULL':
      return { slots: toSlots(FULL_CASTER_SLOTS[level - 1]), pactSlots: null };
    case 'HALF':
      return { slots: toSlots(FULL_CASTER_SLOTS[Math.ceil(level / 2) - 1]), pactSlots: null };
    case 'PACT': {
      const [count, slotLevel] = PACT_SLOTS[level - 1] ?? [0, 0];
      return { slots: [], pactSlots: { count, level: slotLevel } };
    }
  }
}
