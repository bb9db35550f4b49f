import { invalidInput } from '#lib/domain/index.js';
import type { AbilityScoreImprovementInput } from '../__generated__/resolvers-types.js';
import type { Ability, AbilityScoreImprovement } from '../rules/index.js';

/**
 * GraphQL's AbilityScoreImprovementInput list as stored improvements (increases keyed by ability). An ability named
 * twice in one improvement is refused rather than summed, so "+1 STR, +1 STR" cannot pass for "+2 STR" by accident;
 * the rules (validateChoices) then check the amounts, levels, caps and feats.
 */
export function parseAbilityScoreImprovements(input: readonly AbilityScoreImprovementInput[]): AbilityScoreImprovement[] {
  return input.map((asi) => {
    const increases: Partial<Record<Ability, number>> = {};
    for (const { ability, amount } of asi.increases ?? []) {
      if (increases[ability] !== undefined) {
        throw invalidInput(`level ${asi.level}: ${ability} is named twice; give +2 as one increase of 2`, {
          field: 'abilityScoreImprovements',
          rule: 'ASI_INCREASE',
          level: asi.level,
        });
      }
      increases[ability] = amount;
    }
    return { level: asi.level, increases, feat: asi.feat ?? null };
  });
}
