import { abilityModifier, type AbilityScores } from '../abilities.js';
import { CLASSES, type CharacterClass } from '../classes.js';
import { spellSlots } from '../spell-slots.js';

/** SRD 5.1 "Spell Level": spells run from 1st to 9th level (cantrips are level 0). */
export const MAX_SPELL_LEVEL = 9;

/** SRD 5.1 class tables, "Cantrips Known" column, levels 1-20 (classes without the column know none). */
const CANTRIPS_KNOWN: Partial<Record<CharacterClass, readonly number[]>> = {
  BARD: [2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  CLERIC: [3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  DRUID: [2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  SORCERER: [4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6],
  WARLOCK: [2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  WIZARD: [3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
};

/** SRD 5.1 class tables, "Spells Known" column, levels 1-20: the classes that learn a fixed number of spells. */
const SPELLS_KNOWN: Partial<Record<CharacterClass, readonly number[]>> = {
  BARD: [4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 15, 16, 18, 19, 19, 20, 22, 22, 22],
  RANGER: [0, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11],
  SORCERER: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 13, 14, 14, 15, 15, 15, 15],
  WARLOCK: [2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15],
};

/**
 * The classes that prepare spells each day from their list, and the share of the level that counts. SRD 5.1
 * Cleric, Druid, Wizard "Preparing and Casting Spells": ability modifier + class level; Paladin: Charisma
 * modifier + half the paladin level, rounded down. Always at least one spell.
 */
const PREPARES: Partial<Record<CharacterClass, (level: number) => number>> = {
  CLERIC: (level) => level,
  DRUID: (level) => level,
  WIZARD: (level) => level,
  PALADIN: (level) => Math.floor(level / 2),
};
const MIN_PREPARED = 1;

// SRD 5.1 Wizard "Your Spellbook": six 1st-level spells at level 1, and two more for free at every wizard level.
const SPELLBOOK_AT_FIRST_LEVEL = 6;
const SPELLBOOK_PER_LEVEL = 2;

/** How a class learns spells: a fixed number known, a daily preparation (the wizard's from its spellbook), or none. */
export type SpellLearning = 'KNOWN' | 'PREPARED' | 'SPELLBOOK' | 'NONE';

export function spellLearning(characterClass: CharacterClass): SpellLearning {
  if (characterClass === 'WIZARD') return 'SPELLBOOK';
  if (SPELLS_KNOWN[characterClass]) return 'KNOWN';
  if (PREPARES[characterClass]) return 'PREPARED';
  return 'NONE';
}

/** Cantrips known at this level; 0 for classes without cantrips. */
export function cantripsKnown(characterClass: CharacterClass, level: number): number {
  return CANTRIPS_KNOWN[characterClass]?.[level - 1] ?? 0;
}

/** Spells known at this level for the classes that know a fixed number; null for the others. */
export function spellsKnown(characterClass: CharacterClass, level: number): number | null {
  const column = SPELLS_KNOWN[characterClass];
  return column ? (column[level - 1] ?? 0) : null;
}

/** Spells prepared each day for the preparing classes (once they cast spells); null for the others. */
export function preparedSpellCount(characterClass: CharacterClass, level: number, scores: AbilityScores): number | null {
  const share = PREPARES[characterClass];
  const casting = CLASSES[characterClass].spellcasting;
  if (!share || !casting || maxSpellLevel(characterClass, level) === 0) return null;
  return Math.max(MIN_PREPARED, abilityModifier(scores[casting.ability]) + share(level));
}

/** The spells a wizard's spellbook holds at least (copying found spells adds more); null for other classes. */
export function spellbookMinimum(characterClass: CharacterClass, level: number): number | null {
  return characterClass === 'WIZARD' ? SPELLBOOK_AT_FIRST_LEVEL + SPELLBOOK_PER_LEVEL * (level - 1) : null;
}

/**
 * SRD 5.1 Warlock "Mystic Arcanum": at warlock levels 11, 13, 15 and 17 one spell of 6th, 7th, 8th and 9th level
 * joins the spells known, cast once per long rest without a slot, and not counted in the Spells Known column.
 */
const MYSTIC_ARCANUM: readonly (readonly [warlockLevel: number, spellLevel: number])[] = [
  [11, 6],
  [13, 7],
  [15, 8],
  [17, 9],
];

/** The spell levels of which the character has one Mystic Arcanum (warlocks of level 11 and up); empty for others. */
export function mysticArcanumLevels(characterClass: CharacterClass, level: number): number[] {
  if (characterClass !== 'WARLOCK') return [];
  return MYSTIC_ARCANUM.filter(([from]) => level >= from).map(([, spellLevel]) => spellLevel);
}

/** The highest spell level the character has a slot (or pact slot) of; 0 when it has none. */
export function maxSpellLevel(characterClass: CharacterClass, level: number): number {
  const slots = spellSlots(characterClass, level);
  if (!slots) return 0;
  return Math.max(0, slots.pactSlots?.level ?? 0, ...slots.slots.map((slot) => slot.level));
}
