import type { Ability } from '../abilities.js';
import { cantripsKnown, maxSpellLevel, mysticArcanumLevels, preparedSpellCount, spellbookMinimum, spellsKnown } from './spell-counts.js';
import type { SpellCaster, SpellChoices } from './spell-choices.js';
import { spellById, type Spell, type SpellSchool } from './spells.js';
import { alwaysPreparedSpells } from './subclass-spells.js';

/** Where a spell on the sheet comes from. */
export type SpellSource = 'CANTRIP' | 'KNOWN' | 'PREPARED' | 'SPELLBOOK' | 'SUBCLASS';

export interface CharacterSpellLine {
  spell: string;
  name: string;
  level: number;
  school: SpellSchool;
  source: SpellSource;
  /** Ready to cast: a cantrip, a spell known, or a spell prepared today (always-prepared ones included). */
  prepared: boolean;
  alwaysPrepared: boolean;
  ritual: boolean;
  concentration: boolean;
  attack: 'MELEE' | 'RANGED' | null;
  attackBonus: number | null;
  saveDC: number | null;
  saveAbility: Ability | null;
}

/** What the class allows at this level, so a builder can show what is left; null where the class has no such list. */
export interface SpellLimits {
  cantrips: number;
  spellsKnown: number | null;
  preparedSpells: number | null;
  spellbookMinimum: number | null;
  maxSpellLevel: number;
  mysticArcanumLevels: number[];
}

export function spellLimits({ characterClass, level, scores }: SpellCaster): SpellLimits {
  return {
    cantrips: cantripsKnown(characterClass, level),
    spellsKnown: spellsKnown(characterClass, level),
    preparedSpells: preparedSpellCount(characterClass, level, scores),
    spellbookMinimum: spellbookMinimum(characterClass, level),
    maxSpellLevel: maxSpellLevel(characterClass, level),
    mysticArcanumLevels: mysticArcanumLevels(characterClass, level),
  };
}

/**
 * The character's spells with the numbers to cast them: attack bonus for a spell attack, DC and ability for a
 * saving throw (the class's spellcasting numbers; null when the character cannot cast). Each spell once, by level
 * then name: a wizard's spellbook spell shows whether it is prepared today.
 */
export function characterSpells(
  caster: SpellCaster,
  choices: SpellChoices,
  casting: { spellAttackBonus: number; spellSaveDC: number } | null,
): CharacterSpellLine[] {
  const always = alwaysPreparedSpells(caster.characterClass, caster.subclass, caster.level);
  const lines = new Map<string, CharacterSpellLine>();
  const add = (ids: readonly string[], source: SpellSource, prepared: (id: string) => boolean) => {
    for (const id of ids) {
      const spell = spellById(id);
      if (spell && !lines.has(id)) lines.set(id, line(spell, source, prepared(id), always.includes(id), casting));
    }
  };
  add(always, 'SUBCLASS', () => true);
  add(choices.cantrips, 'CANTRIP', () => true);
  add(choices.spellsKnown, 'KNOWN', () => true);
  // A wizard prepares from its spellbook: the book's line says whether the spell is prepared today.
  add(choices.spellbook, 'SPELLBOOK', (id) => choices.preparedSpells.includes(id));
  add(choices.preparedSpells, 'PREPARED', () => true);
  return [...lines.values()].sort((a, b) => a.level - b.level || a.name.localeCompare(b.name));
}

function line(
  spell: Spell,
  source: SpellSource,
  prepared: boolean,
  alwaysPrepared: boolean,
  casting: { spellAttackBonus: number; spellSaveDC: number } | null,
): CharacterSpellLine {
  return {
    spell: spell.id,
    name: spell.name,
    level: spell.level,
    school: spell.school,
    source,
    prepared,
    alwaysPrepared,
    ritual: spell.ritual,
    concentration: spell.concentration,
    attack: spell.attack,
    attackBonus: spell.attack && casting ? casting.spellAttackBonus : null,
    saveDC: spell.save && casting ? casting.spellSaveDC : null,
    saveAbility: spell.save,
  };
}
