import { invalidInput } from '#lib/domain/index.js';
import type { LongRestInput } from '../__generated__/resolvers-types.js';
import { sheetOfState } from '../character-state.js';
import type { Context } from '../context.js';
import { exhaustionAfterLongRest, featureUsesAfterRest, hitDiceRegainedOnLongRest } from '../rules/index.js';
import { refuseIfDead, resourcesOf, runPlayCommand } from './play-command.js';

/** longRest: hit points to the maximum, half the hit dice back, every slot and feature back, one exhaustion level less. */
export function longRest(input: LongRestInput, ctx: Context) {
  return runPlayCommand(input, ctx, (state, sheet, row) => {
    refuseIfDead(sheet);
    const currentHitPoints = Math.min(state.currentHitPoints, sheet.maxHitPoints);
    // SRD Long Rest: "A character must have at least 1 hit point at the start of the rest to gain its benefits."
    if (currentHitPoints === 0) {
      throw invalidInput('a character at 0 hit points gains nothing from a long rest: it must regain at least 1 hit point first', {
        field: 'characterId',
        rule: 'NO_HIT_POINTS',
      });
    }
    const { hitDice } = resourcesOf(state, sheet);
    const hitDiceRegained = hitDiceRegainedOnLongRest(sheet.level, hitDice.spent);
    const exhaustion = exhaustionAfterLongRest(state.exhaustion);
    // The maximum at the end of the rest: with exhaustion 4 gone to 3, no longer halved.
    const maxHitPoints = sheetOfState({ ...state, exhaustion }).maxHitPoints;
    return {
      event: {
        type: 'LongRestTaken',
        data: {
          characterId: row.id,
          hitPointsRegained: maxHitPoints - currentHitPoints,
          hitDiceRegained,
          result: {
            currentHitPoints: maxHitPoints,
            // SRD Temporary Hit Points: they last until depleted or until a long rest ends.
            temporaryHitPoints: 0,
            hitDiceSpent: hitDice.spent - hitDiceRegained,
            spellSlotsSpent: [],
            pactSlotsSpent: 0,
            featureUsesSpent: featureUsesAfterRest(state.featureUsesSpent, [], 'LONG', null),
            exhaustion,
          },
        },
      },
      payload: { hitPointsRegained: maxHitPoints - currentHitPoints, hitDiceRegained },
    };
  });
}
