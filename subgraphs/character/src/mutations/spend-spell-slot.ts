import { invalidInput } from '#lib/domain/index.js';
import type { SpendSpellSlotInput } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { refuseIfDead, resourcesOf, runPlayCommand } from './play-command.js';

// SRD 5.1: spell slots go from 1st to 9th level.
const MAX_SPELL_LEVEL = 9;

const noSlot = (message: string) => invalidInput(message, { field: 'level', rule: 'NO_SLOT_LEFT' });

/** spendSpellSlot: one slot of a spell level; a warlock's Pact Magic slots are all of its pact slot level. */
export function spendSpellSlot(input: SpendSpellSlotInput, ctx: Context) {
  const { level } = input;
  if (!Number.isInteger(level) || level < 1 || level > MAX_SPELL_LEVEL) {
    throw invalidInput(`level must be a spell level from 1 to ${MAX_SPELL_LEVEL}, got ${level}`, { field: 'level' });
  }
  return runPlayCommand(input, ctx, (state, sheet, row) => {
    refuseIfDead(sheet);
    const { spellSlots, pactSlots } = resourcesOf(state, sheet);
    if (pactSlots) {
      if (pactSlots.level !== level) throw noSlot(`a warlock's pact slots are all of level ${pactSlots.level}, not ${level}`);
      if (pactSlots.remaining === 0) throw noSlot(`no pact slot left (all ${pactSlots.total} spent; a short rest restores them)`);
      return {
        event: { type: 'SpellSlotSpent', data: { characterId: row.id, level, pact: true, result: { pactSlotsSpent: pactSlots.spent + 1 } } },
        payload: { pactSlot: true },
      };
    }
    const slot = spellSlots.find((line) => line.level === level);
    if (!slot) throw noSlot(`the character has no spell slots of level ${level}`);
    if (slot.remaining === 0) throw noSlot(`no level ${level} slot left (all ${slot.total} spent; a long rest restores them)`);
    const spellSlotsSpent = Array.from({ length: Math.max(state.spellSlotsSpent.length, level) }, (_, index) => state.spellSlotsSpent[index] ?? 0);
    spellSlotsSpent[level - 1] = slot.spent + 1;
    return {
      event: { type: 'SpellSlotSpent', data: { characterId: row.id, level, pact: false, result: { spellSlotsSpent } } },
      payload: { pactSlot: false },
    };
  });
}
