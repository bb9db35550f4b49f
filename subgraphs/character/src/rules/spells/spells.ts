import type { Ability } from '../abilities.js';
import { CHARACTER_CLASSES, type CharacterClass } from '../classes.js';
import { SPELL_ROWS, type SpellSchool } from './spell-table.js';

export type { SpellSchool } from './spell-table.js';

/** One SRD 5.1 spell as the rules use it. */
export interface Spell {
  id: string;
  name: string;
  /** 0 for a cantrip, else 1 to 9. */
  level: number;
  school: SpellSchool;
  /** The classes whose SRD spell list has it (subclass lists are in subclass-spells.ts). */
  classes: readonly CharacterClass[];
  ritual: boolean;
  concentration: boolean;
  /** The spell attack it makes, null when it makes none. */
  attack: 'MELEE' | 'RANGED' | null;
  /** The ability of the saving throw it forces, null when none. */
  save: Ability | null;
}

function isCharacterClass(name: string): name is CharacterClass {
  return (CHARACTER_CLASSES as readonly string[]).includes(name);
}

function toSpell([id, name, level, school, classes, flags, attack, save]: (typeof SPELL_ROWS)[number]): Spell {
  const classList = classes.split(' ').filter(isCharacterClass);
  return {
    id,
    name,
    level,
    school,
    classes: classList,
    ritual: flags.includes('R'),
    concentration: flags.includes('C'),
    attack: attack || null,
    save: save || null,
  };
}

/** Every SRD 5.1 spell, by level then name. */
export const SPELLS: readonly Spell[] = SPELL_ROWS.map(toSpell);

const BY_ID = new Map(SPELLS.map((spell) => [spell.id, spell]));

/** The spell with this id, or undefined for an id the SRD does not have. */
export function spellById(id: string): Spell | undefined {
  return BY_ID.get(id);
}

/** Spell under a name of its own, for the GraphQL type mappers (the generated types have a Spell too). */
export type SpellFacts = Spell;
