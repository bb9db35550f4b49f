/**
 * Facts of the SRD 5.1 about play state (conditions, exhaustion, limited-use features), written down literally in our
 * own compact form so that the cross-check (src/rules/play-cross-check.test.ts) runs on any clone. Read off the SRD's
 * conditions appendix, its class tables and its class and racial feature descriptions. The SRD 5.1 is Wizards of the
 * Coast's, under CC-BY-4.0: see the README's "Licence of the rules content".
 */

/** Each condition: speed 0 ("speed becomes 0" or "can't move"), incapacitated, Strength and Dexterity saves failed automatically. */
export const SRD_CONDITIONS: Record<string, { speedZero: boolean; incapacitated: boolean; failsStrDexSaves: boolean }> = {
  BLINDED: { speedZero: false, incapacitated: false, failsStrDexSaves: false },
  CHARMED: { speedZero: false, incapacitated: false, failsStrDexSaves: false },
  DEAFENED: { speedZero: false, incapacitated: false, failsStrDexSaves: false },
  FRIGHTENED: { speedZero: false, incapacitated: false, failsStrDexSaves: false },
  GRAPPLED: { speedZero: true, incapacitated: false, failsStrDexSaves: false },
  INCAPACITATED: { speedZero: false, incapacitated: true, failsStrDexSaves: false },
  INVISIBLE: { speedZero: false, incapacitated: false, failsStrDexSaves: false },
  PARALYZED: { speedZero: true, incapacitated: true, failsStrDexSaves: true },
  PETRIFIED: { speedZero: true, incapacitated: true, failsStrDexSaves: true },
  POISONED: { speedZero: false, incapacitated: false, failsStrDexSaves: false },
  PRONE: { speedZero: false, incapacitated: false, failsStrDexSaves: false },
  RESTRAINED: { speedZero: true, incapacitated: false, failsStrDexSaves: false },
  STUNNED: { speedZero: true, incapacitated: true, failsStrDexSaves: true },
  UNCONSCIOUS: { speedZero: true, incapacitated: true, failsStrDexSaves: true },
};

/**
 * The creature's own d20 rolls each condition gives disadvantage (D) or advantage (A): attack rolls, ability checks,
 * Dexterity saving throws; '-' none. Attack rolls against the creature: A, D, '-', or AD for prone (advantage within
 * 5 feet, disadvantage beyond).
 */
export const SRD_CONDITION_ROLLS: Record<string, { attacks: string; checks: string; dexSaves: string; attacksAgainst: string }> = {
  BLINDED: { attacks: 'D', checks: '-', dexSaves: '-', attacksAgainst: 'A' },
  CHARMED: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: '-' },
  DEAFENED: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: '-' },
  FRIGHTENED: { attacks: 'D', checks: 'D', dexSaves: '-', attacksAgainst: '-' },
  GRAPPLED: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: '-' },
  INCAPACITATED: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: '-' },
  INVISIBLE: { attacks: 'A', checks: '-', dexSaves: '-', attacksAgainst: 'D' },
  PARALYZED: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: 'A' },
  PETRIFIED: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: 'A' },
  POISONED: { attacks: 'D', checks: 'D', dexSaves: '-', attacksAgainst: '-' },
  PRONE: { attacks: 'D', checks: '-', dexSaves: '-', attacksAgainst: 'AD' },
  RESTRAINED: { attacks: 'D', checks: '-', dexSaves: 'D', attacksAgainst: 'A' },
  STUNNED: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: 'A' },
  UNCONSCIOUS: { attacks: '-', checks: '-', dexSaves: '-', attacksAgainst: 'A' },
};

/** The exhaustion table, levels 1 to 6, as the SRD words each level's own effect. */
export const SRD_EXHAUSTION = [
  'Disadvantage on ability checks',
  'Speed halved',
  'Disadvantage on attack rolls and saving throws',
  'Hit point maximum halved',
  'Speed reduced to 0',
  'Death',
];

/** Class table columns that count uses, levels 1-20 (0: not yet; the barbarian's 20th-level rage is 'unlimited': null). */
export const SRD_USE_COLUMNS: Record<string, { characterClass: string; byLevel: (number | null)[] }> = {
  RAGE: { characterClass: 'BARBARIAN', byLevel: [2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, null] },
  CHANNEL_DIVINITY: { characterClass: 'CLERIC', byLevel: [0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3] },
  ACTION_SURGE: { characterClass: 'FIGHTER', byLevel: [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2] },
  INDOMITABLE: { characterClass: 'FIGHTER', byLevel: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3] },
  KI: { characterClass: 'MONK', byLevel: [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] },
  SORCERY_POINTS: { characterClass: 'SORCERER', byLevel: [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] },
};

/**
 * When each limited-use feature (class, subclass or race; the class's level it arrives at) comes back, as its SRD
 * description says: SHORT = "a short or long rest", LONG = "a long rest". Bardic Inspiration turns SHORT at 5
 * (Font of Inspiration).
 */
export const SRD_RECHARGE: Record<string, { source: string; level: number; recharge: 'SHORT' | 'LONG' }> = {
  RAGE: { source: 'BARBARIAN', level: 1, recharge: 'LONG' },
  BARDIC_INSPIRATION: { source: 'BARD', level: 1, recharge: 'LONG' },
  CHANNEL_DIVINITY: { source: 'CLERIC', level: 2, recharge: 'SHORT' },
  DIVINE_INTERVENTION: { source: 'CLERIC', level: 10, recharge: 'LONG' },
  WILD_SHAPE: { source: 'DRUID', level: 2, recharge: 'SHORT' },
  NATURAL_RECOVERY: { source: 'DRUID (Land)', level: 2, recharge: 'LONG' },
  SECOND_WIND: { source: 'FIGHTER', level: 1, recharge: 'SHORT' },
  ACTION_SURGE: { source: 'FIGHTER', level: 2, recharge: 'SHORT' },
  INDOMITABLE: { source: 'FIGHTER', level: 9, recharge: 'LONG' },
  KI: { source: 'MONK', level: 2, recharge: 'SHORT' },
  WHOLENESS_OF_BODY: { source: 'MONK (Open Hand)', level: 6, recharge: 'LONG' },
  DIVINE_SENSE: { source: 'PALADIN', level: 1, recharge: 'LONG' },
  LAY_ON_HANDS: { source: 'PALADIN', level: 1, recharge: 'LONG' },
  PALADIN_CHANNEL_DIVINITY: { source: 'PALADIN', level: 3, recharge: 'SHORT' },
  CLEANSING_TOUCH: { source: 'PALADIN', level: 14, recharge: 'LONG' },
  STROKE_OF_LUCK: { source: 'ROGUE', level: 20, recharge: 'SHORT' },
  SORCERY_POINTS: { source: 'SORCERER', level: 2, recharge: 'LONG' },
  DARK_ONES_OWN_LUCK: { source: 'WARLOCK (Fiend)', level: 6, recharge: 'SHORT' },
  HURL_THROUGH_HELL: { source: 'WARLOCK (Fiend)', level: 14, recharge: 'LONG' },
  MYSTIC_ARCANUM_6: { source: 'WARLOCK', level: 11, recharge: 'LONG' },
  MYSTIC_ARCANUM_7: { source: 'WARLOCK', level: 13, recharge: 'LONG' },
  MYSTIC_ARCANUM_8: { source: 'WARLOCK', level: 15, recharge: 'LONG' },
  MYSTIC_ARCANUM_9: { source: 'WARLOCK', level: 17, recharge: 'LONG' },
  ELDRITCH_MASTER: { source: 'WARLOCK', level: 20, recharge: 'LONG' },
  ARCANE_RECOVERY: { source: 'WIZARD', level: 1, recharge: 'LONG' },
  SIGNATURE_SPELL: { source: 'WIZARD', level: 20, recharge: 'SHORT' },
  BREATH_WEAPON: { source: 'DRAGONBORN', level: 1, recharge: 'SHORT' },
  RELENTLESS_ENDURANCE: { source: 'HALF_ORC', level: 1, recharge: 'LONG' },
  HELLISH_REBUKE: { source: 'TIEFLING', level: 3, recharge: 'LONG' },
  DARKNESS: { source: 'TIEFLING', level: 5, recharge: 'LONG' },
};

/** Uses given by a formula in the feature's text, at levels 1-20 of a character with CHA modifier +3. */
export const SRD_FORMULA_USES_CHA_3: Record<string, number[]> = {
  // "a number of times equal to your Charisma modifier (a minimum of once)"
  BARDIC_INSPIRATION: Array.from({ length: 20 }, () => 3),
  // "1 + your Charisma modifier"
  DIVINE_SENSE: Array.from({ length: 20 }, () => 4),
  // "your paladin level x 5"
  LAY_ON_HANDS: Array.from({ length: 20 }, (_, i) => 5 * (i + 1)),
};
