import type { CharacterClass } from '../classes.js';

/**
 * The SRD 5.1 subclasses that add spells, with the class level each pair arrives at.
 * ALWAYS_PREPARED: SRD 5.1 Life Domain "Domain Spells" and Oath of Devotion "Oath Spells": always prepared, not
 * counted against the number of spells prepared each day. EXPANDED_LIST: SRD 5.1 The Fiend "Expanded Spell List":
 * added to the warlock spell list for choosing spells known (the key is the warlock level that reaches the
 * spell's level, so the usual slot-level limit applies). Circle of the Land spells depend on the land chosen,
 * which the character does not record: not modelled.
 */
interface SubclassSpells {
  characterClass: CharacterClass;
  /** A word of the subclass's name, matched in the free-text subclass ("Life Domain", "Oath of Devotion", "The Fiend"). */
  keyword: string;
  kind: 'ALWAYS_PREPARED' | 'EXPANDED_LIST';
  byClassLevel: Readonly<Record<number, readonly string[]>>;
}

export const SUBCLASS_SPELLS: readonly SubclassSpells[] = [
  {
    characterClass: 'CLERIC',
    keyword: 'LIFE',
    kind: 'ALWAYS_PREPARED',
    byClassLevel: {
      1: ['BLESS', 'CURE_WOUNDS'],
      3: ['LESSER_RESTORATION', 'SPIRITUAL_WEAPON'],
      5: ['BEACON_OF_HOPE', 'REVIVIFY'],
      7: ['DEATH_WARD'],
      9: ['MASS_CURE_WOUNDS', 'RAISE_DEAD'],
    },
  },
  {
    characterClass: 'PALADIN',
    keyword: 'DEVOTION',
    kind: 'ALWAYS_PREPARED',
    byClassLevel: {
      3: ['PROTECTION_FROM_EVIL_AND_GOOD', 'SANCTUARY'],
      5: ['LESSER_RESTORATION', 'ZONE_OF_TRUTH'],
      9: ['BEACON_OF_HOPE', 'DISPEL_MAGIC'],
      13: ['FREEDOM_OF_MOVEMENT', 'GUARDIAN_OF_FAITH'],
      17: ['COMMUNE', 'FLAME_STRIKE'],
    },
  },
  {
    characterClass: 'WARLOCK',
    keyword: 'FIEND',
    kind: 'EXPANDED_LIST',
    byClassLevel: {
      1: ['BURNING_HANDS', 'COMMAND'],
      3: ['BLINDNESS_DEAFNESS', 'SCORCHING_RAY'],
      5: ['FIREBALL', 'STINKING_CLOUD'],
      7: ['FIRE_SHIELD', 'WALL_OF_FIRE'],
      9: ['FLAME_STRIKE', 'HALLOW'],
    },
  },
];

function subclassEntry(characterClass: CharacterClass, subclass: string | null, kind: SubclassSpells['kind']): SubclassSpells | undefined {
  const words = (subclass ?? '').toUpperCase().split(/[^A-Z]+/);
  return SUBCLASS_SPELLS.find((entry) => entry.kind === kind && entry.characterClass === characterClass && words.includes(entry.keyword));
}

function spellsUpTo(entry: SubclassSpells | undefined, level: number): string[] {
  if (!entry) return [];
  return Object.entries(entry.byClassLevel).flatMap(([from, ids]) => (Number(from) <= level ? ids : []));
}

/** Spells the subclass keeps always prepared at this class level (Life Domain, Oath of Devotion). */
export function alwaysPreparedSpells(characterClass: CharacterClass, subclass: string | null, level: number): string[] {
  return spellsUpTo(subclassEntry(characterClass, subclass, 'ALWAYS_PREPARED'), level);
}

/** Spells the subclass adds to the class list (The Fiend), whatever the level: the slot level limits them. */
export function expandedListSpells(characterClass: CharacterClass, subclass: string | null): string[] {
  return spellsUpTo(subclassEntry(characterClass, subclass, 'EXPANDED_LIST'), Infinity);
}
