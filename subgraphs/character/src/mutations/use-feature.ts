import { invalidInput } from '#lib/domain/index.js';
import type { UseFeatureInput } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { refuseIfDead, resourcesOf, runPlayCommand } from './play-command.js';

// The largest pool in the SRD: Lay on Hands at 20th paladin level, 5 x 20 = 100 hit points.
const MAX_AMOUNT = 100;

/** useFeature: spends uses (or pool points) of a limited-use feature the character has. */
export function useFeature(input: UseFeatureInput, ctx: Context) {
  const amount = input.amount ?? 1;
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT) {
    throw invalidInput(`amount must be between 1 and ${MAX_AMOUNT}, got ${amount}`, { field: 'amount' });
  }
  return runPlayCommand(input, ctx, (state, sheet, row) => {
    refuseIfDead(sheet);
    const feature = resourcesOf(state, sheet).featureUses.find((line) => line.feature === input.feature);
    if (!feature) {
      throw invalidInput(`a level ${sheet.level} ${state.characterClass} (${state.race}) does not have ${input.feature}`, {
        field: 'feature',
        rule: 'FEATURE_NOT_AVAILABLE',
      });
    }
    if (feature.remaining !== null && feature.remaining < amount) {
      throw invalidInput(`${feature.name} has ${feature.remaining} of ${feature.max} left, not ${amount} (back on a ${feature.recharge.toLowerCase()} rest)`, {
        field: 'feature',
        rule: 'NO_USES_LEFT',
      });
    }
    const featureUsesSpent = { ...state.featureUsesSpent, [feature.feature]: feature.used + amount };
    return {
      event: { type: 'FeatureUsed', data: { characterId: row.id, feature: feature.feature, amount, result: { featureUsesSpent } } },
      payload: {},
    };
  });
}
