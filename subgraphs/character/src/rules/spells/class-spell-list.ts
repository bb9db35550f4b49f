import type { CharacterClass } from '../classes.js';
import { SPELLS, type Spell } from './spells.js';
import { alwaysPreparedSpells, expandedListSpells } from './subclass-spells.js';

/**
 * The spells a character of this class (and subclass) may choose from: the class's SRD list, plus the subclass's
 * expanded list (The Fiend) and always-prepared spells (Life Domain, Oath of Devotion) at any level.
 */
export function isOnClassList(spell: Spell, characterClass: CharacterClass, subclass: string | null): boolean {
  if (spell.classes.includes(characterClass)) return true;
  return expandedListSpells(characterClass, subclass).includes(spell.id) || alwaysPreparedSpells(characterClass, subclass, Infinity).includes(spell.id);
}

/** The SRD spells of a class's list, optionally of one spell level, by level then name (the builder's choices). */
export function classSpellList(characterClass: CharacterClass, level?: number | null): Spell[] {
  return SPELLS.filter((spell) => spell.classes.includes(characterClass) && (level === undefined || level === null || spell.level === level));
}
