/**
 * The parts of an imported actor read against the rules' sheet: spell slots left (stored as spent), and notes on
 * what Foundry holds that our rules derive or do not model.
 */
import type { CharacterState } from '../character-state.js';
import type { sheetOfState } from '../character-state.js';
import { ABILITIES, CLASSES, MAX_SPELL_LEVEL } from '../rules/index.js';
import { ABILITY_KEYS } from './foundry-keys.js';
import type { ItemsRead, Note } from './import-items.js';
import { integer, number, object, type Json } from './json-reader.js';

// What dnd5e keeps on an actor that our character has no place for: noted once each when set.
const UNMODELLED_SYSTEM = ['currency', 'resources', 'bonuses', 'tools', 'favorites', 'bastion'];

export function readSlots(system: Json, state: CharacterState, sheet: ReturnType<typeof sheetOfState>, notes: Note[]) {
  const spells = object(system.spells, 'actor.system.spells') ?? {};
  const totals = sheet.spellcasting?.slots ?? [];
  const spent: number[] = [];
  for (let level = 1; level <= MAX_SPELL_LEVEL; level++) {
    const path = `actor.system.spells.spell${level}`;
    const slot = object(spells[`spell${level}`], path);
    const total = totals.find((line) => line.level === level)?.total ?? 0;
    const value = integer(slot?.value, `${path}.value`, 0, 100, 'SPELL_SLOTS_SPENT');
    if (number(slot?.override, `${path}.override`) !== undefined)
      notes.push({ path: `${path}.override`, reason: 'slot overrides are not modelled: the class table decides' });
    spent.push(value === undefined ? 0 : Math.max(0, total - value));
  }
  // Trailing levels with nothing spent are not stored, as spendSpellSlot leaves them.
  while (spent.length > 0 && spent[spent.length - 1] === 0) spent.pop();
  state.spellSlotsSpent = spent;
  const pact = object(spells.pact, 'actor.system.spells.pact');
  const pactValue = integer(pact?.value, 'actor.system.spells.pact.value', 0, 100, 'SPELL_SLOTS_SPENT');
  const pactCount = sheet.spellcasting?.pactSlots?.count ?? 0;
  state.pactSlotsSpent = pactValue === undefined ? 0 : Math.max(0, pactCount - pactValue);
}

/** Anything set: a number other than 0, a non-empty string, true, or a list or object holding one. */
function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasContent);
  return value !== undefined && value !== null && value !== 0 && value !== '' && value !== false;
}

/** Notes on what Foundry stores that our rules derive instead, where the two disagree. */
export function noteDerived(system: Json, read: ItemsRead, sheet: ReturnType<typeof sheetOfState>, notes: Note[]) {
  const featureNames = new Set(sheet.features.map((feature) => feature.name.toLowerCase()));
  for (const feature of read.otherFeatures) {
    if (!featureNames.has(feature.reason.toLowerCase()))
      notes.push({ path: feature.path, reason: `feature "${feature.reason}" is not one our rules give this character: not applied` });
  }
  const saves = CLASSES[read.characterClass].savingThrows;
  const abilities = object(system.abilities, 'actor.system.abilities') ?? {};
  for (const ability of ABILITIES) {
    const proficient = object(abilities[ABILITY_KEYS[ability]], 'actor.system.abilities')?.proficient;
    if (proficient === 1 && !saves.includes(ability) && !sheet.abilities.find((a) => a.ability === ability)?.savingThrow.proficient) {
      notes.push({ path: `actor.system.abilities.${ABILITY_KEYS[ability]}.proficient`, reason: 'saving throw proficiency comes from the class and features' });
    }
  }
  for (const key of UNMODELLED_SYSTEM) if (hasContent(system[key])) notes.push({ path: `actor.system.${key}`, reason: 'not modelled' });
}
