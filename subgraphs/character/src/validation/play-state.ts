import { invalidInput } from '#lib/domain/index.js';
import type { CharacterState } from '../character-state.js';
import { spendableResources, type CharacterSheet } from '../rules/index.js';

/**
 * Refuses a play state (spent hit dice, slots and feature uses) the character could not be in: more spent than it
 * has, or uses of a feature it lacks. A new character starts with nothing spent; an imported one brings its own.
 */
export function checkPlayState(state: CharacterState, sheet: CharacterSheet): void {
  const who = { characterClass: state.characterClass, race: state.race, subclass: state.subclass };
  const totals = spendableResources(sheet, who, { hitDiceSpent: 0, spellSlotsSpent: [], pactSlotsSpent: 0, featureUsesSpent: {} });
  if (state.hitDiceSpent > totals.hitDice.total) {
    throw invalidInput(`hitDiceSpent ${state.hitDiceSpent} is more than the character's ${totals.hitDice.total} hit dice`, {
      field: 'hitDiceSpent',
      rule: 'HIT_DICE_SPENT',
    });
  }
  state.spellSlotsSpent.forEach((spent, index) => {
    const total = totals.spellSlots.find((slot) => slot.level === index + 1)?.total ?? 0;
    if (spent > total) {
      throw invalidInput(`${spent} level ${index + 1} slots spent, but the character has ${total}`, { field: 'spellSlotsSpent', rule: 'SPELL_SLOTS_SPENT' });
    }
  });
  if (state.pactSlotsSpent > (totals.pactSlots?.total ?? 0)) {
    throw invalidInput(`${state.pactSlotsSpent} pact slots spent, but the character has ${totals.pactSlots?.total ?? 0}`, {
      field: 'pactSlotsSpent',
      rule: 'SPELL_SLOTS_SPENT',
    });
  }
  for (const [feature, spent] of Object.entries(state.featureUsesSpent)) {
    const line = totals.featureUses.find((use) => use.feature === feature);
    if (!line) throw invalidInput(`the character does not have ${feature}`, { field: 'featureUsesSpent', rule: 'FEATURE_NOT_AVAILABLE', feature });
    if (line.max !== null && spent > line.max) {
      throw invalidInput(`${spent} uses of ${line.name} spent, but it has ${line.max}`, { field: 'featureUsesSpent', rule: 'FEATURE_USES_SPENT', feature });
    }
  }
}
