import type { Ability } from './abilities.js';

/**
 * The SRD 5.1 races. Where the SRD gives a race exactly one subrace (hill dwarf, high elf, lightfoot halfling,
 * rock gnome) the enum value names the subrace, since a character is always one of them.
 */
export const RACES = ['DRAGONBORN', 'HILL_DWARF', 'HIGH_ELF', 'ROCK_GNOME', 'HALF_ELF', 'HALF_ORC', 'LIGHTFOOT_HALFLING', 'HUMAN', 'TIEFLING'] as const;
export type Race = (typeof RACES)[number];

export interface RaceRules {
  /** Fixed ability score increases, race and subrace together. */
  abilityBonuses: Partial<Record<Ability, number>>;
  /** Increases the player chooses (half-elf: +1 to two abilities other than charisma). */
  bonusChoices: { count: number; amount: number; from: readonly Ability[] } | null;
  /** Extra hit points per level (hill dwarf Dwarven Toughness). */
  hitPointsPerLevel: number;
  /** Walking speed in feet. */
  speed: number;
  /** Dwarves' speed is not reduced by heavy armour they lack the strength for. */
  ignoresHeavyArmorSpeedPenalty: boolean;
}

const none = { bonusChoices: null, hitPointsPerLevel: 0, ignoresHeavyArmorSpeedPenalty: false } as const;

/** SRD 5.1 racial traits that change numbers on the sheet (Races.json + Subraces.json). */
export const RACE_RULES: Record<Race, RaceRules> = {
  DRAGONBORN: { ...none, abilityBonuses: { STRENGTH: 2, CHARISMA: 1 }, speed: 30 },
  HILL_DWARF: {
    ...none,
    abilityBonuses: { CONSTITUTION: 2, WISDOM: 1 },
    hitPointsPerLevel: 1,
    speed: 25,
    ignoresHeavyArmorSpeedPenalty: true,
  },
  HIGH_ELF: { ...none, abilityBonuses: { DEXTERITY: 2, INTELLIGENCE: 1 }, speed: 30 },
  ROCK_GNOME: { ...none, abilityBonuses: { INTELLIGENCE: 2, CONSTITUTION: 1 }, speed: 25 },
  HALF_ELF: {
    ...none,
    abilityBonuses: { CHARISMA: 2 },
    bonusChoices: { count: 2, amount: 1, from: ['STRENGTH', 'DEXTERITY', 'CONSTITUTION', 'INTELLIGENCE', 'WISDOM'] },
    speed: 30,
  },
  HALF_ORC: { ...none, abilityBonuses: { STRENGTH: 2, CONSTITUTION: 1 }, speed: 30 },
  LIGHTFOOT_HALFLING: { ...none, abilityBonuses: { DEXTERITY: 2, CHARISMA: 1 }, speed: 25 },
  HUMAN: {
    ...none,
    abilityBonuses: { STRENGTH: 1, DEXTERITY: 1, CONSTITUTION: 1, INTELLIGENCE: 1, WISDOM: 1, CHARISMA: 1 },
    speed: 30,
  },
  TIEFLING: { ...none, abilityBonuses: { INTELLIGENCE: 1, CHARISMA: 2 }, speed: 30 },
};
