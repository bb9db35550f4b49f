import { ABILITIES, type Ability, type AbilityScores } from './abilities.js';
import { RACE_RULES, type Race } from './races.js';

/** Racial increase per ability: the race's fixed bonuses plus the player's chosen ones (half-elf). */
export function racialBonuses(race: Race, choices: readonly Ability[]): AbilityScores {
  const rules = RACE_RULES[race];
  const chosenAmount = rules.bonusChoices?.amount ?? 0;
  return Object.fromEntries(
    ABILITIES.map((ability) => [ability, (rules.abilityBonuses[ability] ?? 0) + (choices.includes(ability) ? chosenAmount : 0)]),
  ) as AbilityScores;
}

/**
 * Final scores = stored base scores + racial increases. The base scores are what the player rolled or
 * bought; keeping them apart means a change of race re-derives the final scores instead of stacking bonuses.
 */
export function finalAbilityScores(base: AbilityScores, race: Race, choices: readonly Ability[]): AbilityScores {
  const bonuses = racialBonuses(race, choices);
  return Object.fromEntries(ABILITIES.map((ability) => [ability, base[ability] + bonuses[ability]])) as AbilityScores;
}

/** Why a set of racial bonus choices is invalid for the race, or null when it is fine. */
export function bonusChoiceProblem(race: Race, choices: readonly Ability[]): string | null {
  const rules = RACE_RULES[race].bonusChoices;
  if (!rules) return choices.length ? `abilityBonusChoices apply only to races that choose increases (half-elf)` : null;
  if (choices.length !== rules.count) return `abilityBonusChoices must name ${rules.count} abilities for this race, got ${choices.length}`;
  if (new Set(choices).size !== choices.length) return 'abilityBonusChoices must name different abilities';
  const wrong = choices.find((ability) => !rules.from.includes(ability));
  return wrong ? `abilityBonusChoices cannot include ${wrong} for this race` : null;
}
