import { invalidInput } from '#lib/domain/index.js';
import type { SetConditionsInput } from '../__generated__/resolvers-types.js';
import { sheetOfState } from '../character-state.js';
import type { Context } from '../context.js';
import { CONDITIONS, MAX_EXHAUSTION } from '../rules/index.js';
import { runPlayCommand } from './play-command.js';

/** setConditions: replaces the character's conditions and exhaustion level. */
export function setConditions(input: SetConditionsInput, ctx: Context) {
  const { exhaustion } = input;
  if (!Number.isInteger(exhaustion) || exhaustion < 0 || exhaustion > MAX_EXHAUSTION) {
    throw invalidInput(`exhaustion must be between 0 and ${MAX_EXHAUSTION} (SRD: six levels), got ${exhaustion}`, {
      field: 'exhaustion',
      rule: 'EXHAUSTION_OUT_OF_RANGE',
    });
  }
  // In the table's order, each once: a condition given twice is the same condition.
  const conditions = CONDITIONS.filter((condition) => input.conditions.includes(condition));
  return runPlayCommand(input, ctx, (state, _sheet, row) => {
    // SRD Exhaustion 4 halves the hit point maximum: current hit points above the new maximum drop to it, and do not
    // come back when the exhaustion goes (only healing and rests restore them).
    const maxHitPoints = sheetOfState({ ...state, conditions, exhaustion }).maxHitPoints;
    const currentHitPoints = Math.min(state.currentHitPoints, maxHitPoints);
    return {
      event: { type: 'ConditionsChanged', data: { characterId: row.id, result: { conditions, exhaustion, currentHitPoints } } },
      payload: {},
    };
  });
}
