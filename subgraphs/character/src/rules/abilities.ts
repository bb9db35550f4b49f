/** The six abilities, in the order a character sheet lists them (PHB ch. 7). */
export const ABILITIES = ['STRENGTH', 'DEXTERITY', 'CONSTITUTION', 'INTELLIGENCE', 'WISDOM', 'CHARISMA'] as const;
export type Ability = (typeof ABILITIES)[number];

export type AbilityScores = Record<Ability, number>;

// 1..30: the range SRD 5.1 gives for ability scores ("a score can range from 1 to 30").
export const MIN_ABILITY_SCORE = 1;
export const MAX_ABILITY_SCORE = 30;

/** SRD 5.1 "Ability Scores and Modifiers": (score - 10) / 2, rounded down (so 9 gives -1, not 0). */
export function abilityModifier(score: number): number {
  return Math.floor((score - 10) / 2);
}

export function abilityModifiers(scores: AbilityScores): AbilityScores {
  return Object.fromEntries(ABILITIES.map((ability) => [ability, abilityModifier(scores[ability])])) as AbilityScores;
}
