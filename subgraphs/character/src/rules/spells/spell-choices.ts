import type { AbilityScores } from '../abilities.js';
import type { CharacterClass } from '../classes.js';
import { isOnClassList } from './class-spell-list.js';
import { cantripsKnown, maxSpellLevel, mysticArcanumLevels, preparedSpellCount, spellLearning, spellsKnown } from './spell-counts.js';
import { spellById, type Spell } from './spells.js';
import { alwaysPreparedSpells } from './subclass-spells.js';
import { spellSlots } from '../spell-slots.js';

/** The spells a character has chosen, by their ids (as stored). */
export interface SpellChoices {
  cantrips: readonly string[];
  spellsKnown: readonly string[];
  preparedSpells: readonly string[];
  spellbook: readonly string[];
}

export interface SpellCaster {
  characterClass: CharacterClass;
  subclass: string | null;
  level: number;
  /** Final ability scores (the prepared count uses the spellcasting modifier). */
  scores: AbilityScores;
}

/** Why a set of spell choices breaks the rules: the stable rule name, the input field, and a message for the player. */
export interface SpellProblem {
  rule: string;
  field: string;
  message: string;
}

type ListName = keyof SpellChoices;
const LISTS: readonly ListName[] = ['cantrips', 'spellsKnown', 'spellbook', 'preparedSpells'];

function problem(rule: string, field: string, message: string): SpellProblem {
  return { rule, field, message };
}

/** Unknown ids and duplicates: checked first, so the later rules can look every spell up. */
function idProblem(choices: SpellChoices): SpellProblem | null {
  for (const list of LISTS) {
    for (const [index, id] of choices[list].entries()) {
      if (!spellById(id)) return problem('SPELL_UNKNOWN', `${list}[${index}]`, `${list}[${index}]: no SRD 5.1 spell has the id ${id}`);
      if (choices[list].indexOf(id) !== index) return problem('SPELL_DUPLICATE', `${list}[${index}]`, `${list} lists ${id} twice`);
    }
  }
  return null;
}

/** Which lists the class keeps: SRD 5.1 bards, rangers, sorcerers and warlocks know spells and do not prepare them. */
function listProblem(caster: SpellCaster, choices: SpellChoices): SpellProblem | null {
  const chosen = LISTS.find((list) => choices[list].length > 0);
  if (!chosen) return null;
  const { characterClass, level } = caster;
  if (!spellSlots(characterClass, level)) {
    return problem('NOT_A_CASTER', chosen, `a level ${level} ${characterClass.toLowerCase()} has no Spellcasting feature, so it has no ${chosen}`);
  }
  const learning = spellLearning(characterClass);
  if (choices.preparedSpells.length > 0 && learning === 'KNOWN') {
    return problem(
      'SPELLS_NOT_PREPARED_BY_CLASS',
      'preparedSpells',
      `a ${characterClass.toLowerCase()} casts the spells it knows and prepares none: use spellsKnown`,
    );
  }
  if (choices.spellsKnown.length > 0 && learning !== 'KNOWN') {
    const instead = learning === 'SPELLBOOK' ? 'spellbook' : 'preparedSpells';
    return problem('SPELL_LIST_NOT_USED_BY_CLASS', 'spellsKnown', `a ${characterClass.toLowerCase()} has no spells known: use ${instead}`);
  }
  if (choices.spellbook.length > 0 && learning !== 'SPELLBOOK') {
    return problem('SPELL_LIST_NOT_USED_BY_CLASS', 'spellbook', `only a wizard keeps a spellbook, not a ${characterClass.toLowerCase()}`);
  }
  return null;
}

/** Each spell of a list: the right kind (cantrip or not), on the class list, of a level the character has slots of. */
function spellProblem(caster: SpellCaster, list: ListName, index: number, spell: Spell): SpellProblem | null {
  const field = `${list}[${index}]`;
  const { characterClass, subclass, level } = caster;
  if (list === 'cantrips' && spell.level !== 0) return problem('NOT_A_CANTRIP', field, `${spell.name} is a level ${spell.level} spell, not a cantrip`);
  if (list !== 'cantrips' && spell.level === 0) return problem('CANTRIP_IN_SPELL_LIST', field, `${spell.name} is a cantrip: list it in cantrips`);
  if (!isOnClassList(spell, characterClass, subclass)) {
    return problem('SPELL_NOT_ON_CLASS_LIST', field, `${spell.name} is not on the ${characterClass.toLowerCase()} spell list`);
  }
  const max = maxSpellLevel(characterClass, level);
  const arcanum = list === 'spellsKnown' && mysticArcanumLevels(characterClass, level).includes(spell.level);
  if (spell.level > max && !arcanum) {
    return problem(
      'SPELL_LEVEL_TOO_HIGH',
      field,
      `${spell.name} is a level ${spell.level} spell; a level ${level} ${characterClass.toLowerCase()} has slots up to level ${max}`,
    );
  }
  return null;
}

function countProblem(rule: string, list: ListName, count: number, limit: number, caster: SpellCaster): SpellProblem | null {
  if (count <= limit) return null;
  return problem(rule, list, `${list} has ${count} spells; a level ${caster.level} ${caster.characterClass.toLowerCase()} may have ${limit}`);
}

/**
 * The first rule the spell choices break, or null when they are legal. Fewer spells than the counts allow is legal
 * (a build in progress); more is not. A wizard prepares only from its spellbook; a subclass's always-prepared
 * spells (SRD 5.1 Domain Spells, Oath Spells) do not count against the number prepared.
 */
export function spellChoiceProblem(caster: SpellCaster, choices: SpellChoices): SpellProblem | null {
  const early = idProblem(choices) ?? listProblem(caster, choices);
  if (early) return early;
  for (const list of LISTS) {
    for (const [index, id] of choices[list].entries()) {
      // Looked up by idProblem already: every id is an SRD spell here.
      const found = spellProblem(caster, list, index, spellById(id)!);
      if (found) return found;
      if (list === 'preparedSpells' && caster.characterClass === 'WIZARD' && !choices.spellbook.includes(id)) {
        return problem('NOT_IN_SPELLBOOK', `preparedSpells[${index}]`, `${id} is not in the spellbook: a wizard prepares spells from its spellbook`);
      }
    }
  }
  const { characterClass, subclass, level, scores } = caster;
  const always = alwaysPreparedSpells(characterClass, subclass, level);
  const prepared = choices.preparedSpells.filter((id) => !always.includes(id)).length;
  // A warlock's arcanum spells (above its pact slot level) are one per level and not counted as spells known.
  const arcana = choices.spellsKnown.filter((id) => (spellById(id)?.level ?? 0) > maxSpellLevel(characterClass, level));
  const twice = arcana.find((id, index) => arcana.findIndex((other) => spellById(other)?.level === spellById(id)?.level) !== index);
  if (twice) return problem('MYSTIC_ARCANUM_COUNT', 'spellsKnown', `${twice}: a warlock has one Mystic Arcanum of each spell level`);
  return (
    countProblem('CANTRIPS_COUNT', 'cantrips', choices.cantrips.length, cantripsKnown(characterClass, level), caster) ??
    countProblem('SPELLS_KNOWN_COUNT', 'spellsKnown', choices.spellsKnown.length - arcana.length, spellsKnown(characterClass, level) ?? 0, caster) ??
    countProblem('PREPARED_COUNT', 'preparedSpells', prepared, preparedSpellCount(characterClass, level, scores) ?? 0, caster)
  );
}
