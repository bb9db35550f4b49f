import type { CharacterClass } from './classes.js';
import type { Race } from './races.js';

/** When spent uses come back: SHORT = at the end of a short or a long rest, LONG = a long rest only. */
export type Recharge = 'SHORT' | 'LONG';

/** The SRD 5.1 features with a count of uses (or a pool of points), by id; the id keys featureUsesSpent. */
export const LIMITED_FEATURES = [
  'RAGE',
  'BARDIC_INSPIRATION',
  'CHANNEL_DIVINITY',
  'DIVINE_INTERVENTION',
  'WILD_SHAPE',
  'NATURAL_RECOVERY',
  'SECOND_WIND',
  'ACTION_SURGE',
  'INDOMITABLE',
  'KI',
  'WHOLENESS_OF_BODY',
  'DIVINE_SENSE',
  'LAY_ON_HANDS',
  'CLEANSING_TOUCH',
  'STROKE_OF_LUCK',
  'SORCERY_POINTS',
  'DARK_ONES_OWN_LUCK',
  'HURL_THROUGH_HELL',
  'MYSTIC_ARCANUM_6',
  'MYSTIC_ARCANUM_7',
  'MYSTIC_ARCANUM_8',
  'MYSTIC_ARCANUM_9',
  'ELDRITCH_MASTER',
  'ARCANE_RECOVERY',
  'SIGNATURE_SPELL',
  'BREATH_WEAPON',
  'RELENTLESS_ENDURANCE',
  'HELLISH_REBUKE',
  'DARKNESS',
] as const;
export type LimitedFeature = (typeof LIMITED_FEATURES)[number];

/** What a use count depends on. */
export interface UseContext {
  /** Class level (single class: the character level). */
  level: number;
  charismaModifier: number;
}

export interface FeatureUseRules {
  feature: LimitedFeature;
  name: string;
  /** Who has it: a class (with, for a subclass feature, the subclass's SRD name) or a race. */
  source: { characterClass: CharacterClass; subclass?: string } | { race: Race };
  /** The class level it arrives at (a racial trait: the character level). */
  level: number;
  /** Uses (or pool points) at a level; null: unlimited. */
  uses: (context: UseContext) => number | null;
  recharge: (level: number) => Recharge;
}

/** A column of a class table, levels 1-20. */
const column = (byLevel: readonly (number | null)[]) => (context: UseContext) => {
  const uses = byLevel[context.level - 1];
  return uses === undefined ? 0 : uses;
};
const fixed = (uses: number) => () => uses;
const short = () => 'SHORT' as const;
const long = () => 'LONG' as const;

export const FEATURE_USES: readonly FeatureUseRules[] = [
  // SRD Barbarian table, Rages column; "Unlimited" at 20th level.
  {
    feature: 'RAGE',
    name: 'Rage',
    source: { characterClass: 'BARBARIAN' },
    level: 1,
    uses: column([2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, null]),
    recharge: long,
  },
  {
    // SRD Bard: "a number of times equal to your Charisma modifier (a minimum of once)"; Font of Inspiration (5th): short rest too.
    feature: 'BARDIC_INSPIRATION',
    name: 'Bardic Inspiration',
    source: { characterClass: 'BARD' },
    level: 1,
    uses: ({ charismaModifier }) => Math.max(1, charismaModifier),
    recharge: (level) => (level >= 5 ? 'SHORT' : 'LONG'),
  },
  // SRD Cleric: Channel Divinity 1/rest at 2nd, 2 at 6th, 3 at 18th.
  {
    feature: 'CHANNEL_DIVINITY',
    name: 'Channel Divinity',
    source: { characterClass: 'CLERIC' },
    level: 2,
    uses: column([0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3]),
    recharge: short,
  },
  // SRD Cleric: on a failed call, again after a long rest (a success waits 7 days: the player tracks that).
  { feature: 'DIVINE_INTERVENTION', name: 'Divine Intervention', source: { characterClass: 'CLERIC' }, level: 10, uses: fixed(1), recharge: long },
  // SRD Druid: "You can use this feature twice."
  { feature: 'WILD_SHAPE', name: 'Wild Shape', source: { characterClass: 'DRUID' }, level: 2, uses: fixed(2), recharge: short },
  { feature: 'NATURAL_RECOVERY', name: 'Natural Recovery', source: { characterClass: 'DRUID', subclass: 'Land' }, level: 2, uses: fixed(1), recharge: long },
  { feature: 'SECOND_WIND', name: 'Second Wind', source: { characterClass: 'FIGHTER' }, level: 1, uses: fixed(1), recharge: short },
  // SRD Fighter: Action Surge once, twice from 17th; Indomitable 1/2/3 at 9th/13th/17th.
  {
    feature: 'ACTION_SURGE',
    name: 'Action Surge',
    source: { characterClass: 'FIGHTER' },
    level: 2,
    uses: column([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]),
    recharge: short,
  },
  {
    feature: 'INDOMITABLE',
    name: 'Indomitable',
    source: { characterClass: 'FIGHTER' },
    level: 9,
    uses: column([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]),
    recharge: long,
  },
  // SRD Monk: ki points equal to the monk level.
  { feature: 'KI', name: 'Ki', source: { characterClass: 'MONK' }, level: 2, uses: ({ level }) => level, recharge: short },
  {
    feature: 'WHOLENESS_OF_BODY',
    name: 'Wholeness of Body',
    source: { characterClass: 'MONK', subclass: 'Open Hand' },
    level: 6,
    uses: fixed(1),
    recharge: long,
  },
  // SRD Paladin: "1 + your Charisma modifier" times (never fewer than none).
  {
    feature: 'DIVINE_SENSE',
    name: 'Divine Sense',
    source: { characterClass: 'PALADIN' },
    level: 1,
    uses: ({ charismaModifier }) => Math.max(0, 1 + charismaModifier),
    recharge: long,
  },
  // SRD Paladin: a pool of "your paladin level x 5" hit points.
  { feature: 'LAY_ON_HANDS', name: 'Lay on Hands', source: { characterClass: 'PALADIN' }, level: 1, uses: ({ level }) => 5 * level, recharge: long },
  { feature: 'CHANNEL_DIVINITY', name: 'Channel Divinity', source: { characterClass: 'PALADIN' }, level: 3, uses: fixed(1), recharge: short },
  // SRD Paladin: "equal to your Charisma modifier (a minimum of once)".
  {
    feature: 'CLEANSING_TOUCH',
    name: 'Cleansing Touch',
    source: { characterClass: 'PALADIN' },
    level: 14,
    uses: ({ charismaModifier }) => Math.max(1, charismaModifier),
    recharge: long,
  },
  { feature: 'STROKE_OF_LUCK', name: 'Stroke of Luck', source: { characterClass: 'ROGUE' }, level: 20, uses: fixed(1), recharge: short },
  // SRD Sorcerer: sorcery points equal to the sorcerer level (Sorcerous Restoration: rests.ts).
  { feature: 'SORCERY_POINTS', name: 'Sorcery Points', source: { characterClass: 'SORCERER' }, level: 2, uses: ({ level }) => level, recharge: long },
  {
    feature: 'DARK_ONES_OWN_LUCK',
    name: "Dark One's Own Luck",
    source: { characterClass: 'WARLOCK', subclass: 'Fiend' },
    level: 6,
    uses: fixed(1),
    recharge: short,
  },
  {
    feature: 'HURL_THROUGH_HELL',
    name: 'Hurl Through Hell',
    source: { characterClass: 'WARLOCK', subclass: 'Fiend' },
    level: 14,
    uses: fixed(1),
    recharge: long,
  },
  // SRD Warlock: one arcanum spell of each level 6-9, each castable once per long rest.
  { feature: 'MYSTIC_ARCANUM_6', name: 'Mystic Arcanum (6th level)', source: { characterClass: 'WARLOCK' }, level: 11, uses: fixed(1), recharge: long },
  { feature: 'MYSTIC_ARCANUM_7', name: 'Mystic Arcanum (7th level)', source: { characterClass: 'WARLOCK' }, level: 13, uses: fixed(1), recharge: long },
  { feature: 'MYSTIC_ARCANUM_8', name: 'Mystic Arcanum (8th level)', source: { characterClass: 'WARLOCK' }, level: 15, uses: fixed(1), recharge: long },
  { feature: 'MYSTIC_ARCANUM_9', name: 'Mystic Arcanum (9th level)', source: { characterClass: 'WARLOCK' }, level: 17, uses: fixed(1), recharge: long },
  { feature: 'ELDRITCH_MASTER', name: 'Eldritch Master', source: { characterClass: 'WARLOCK' }, level: 20, uses: fixed(1), recharge: long },
  // SRD Wizard: "Once per day when you finish a short rest": counted as one use a day, back with the long rest.
  { feature: 'ARCANE_RECOVERY', name: 'Arcane Recovery', source: { characterClass: 'WIZARD' }, level: 1, uses: fixed(1), recharge: long },
  // SRD Wizard: two signature spells, each cast once without a slot per rest: two uses.
  { feature: 'SIGNATURE_SPELL', name: 'Signature Spells', source: { characterClass: 'WIZARD' }, level: 20, uses: fixed(2), recharge: short },
  { feature: 'BREATH_WEAPON', name: 'Breath Weapon', source: { race: 'DRAGONBORN' }, level: 1, uses: fixed(1), recharge: short },
  { feature: 'RELENTLESS_ENDURANCE', name: 'Relentless Endurance', source: { race: 'HALF_ORC' }, level: 1, uses: fixed(1), recharge: long },
  // SRD Tiefling, Infernal Legacy: hellish rebuke once at 3rd level, darkness once at 5th.
  { feature: 'HELLISH_REBUKE', name: 'Infernal Legacy: Hellish Rebuke', source: { race: 'TIEFLING' }, level: 3, uses: fixed(1), recharge: long },
  { feature: 'DARKNESS', name: 'Infernal Legacy: Darkness', source: { race: 'TIEFLING' }, level: 5, uses: fixed(1), recharge: long },
];

export interface CharacterForFeatures {
  characterClass: CharacterClass;
  race: Race;
  subclass: string | null;
  level: number;
  charismaModifier: number;
}

/** A feature the character has, with its uses at its level. */
export interface AvailableFeature {
  feature: LimitedFeature;
  name: string;
  /** null: unlimited. */
  max: number | null;
  recharge: Recharge;
}

// The subclass is stored as text: "Open Hand", "Way of the Open Hand" and "OPEN_HAND" all name the SRD's one.
const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
const hasSubclass = (stored: string | null, srdName: string) => stored !== null && letters(stored).endsWith(letters(srdName));

/** The limited-use features of a character at its level, in table order. */
export function availableFeatures(character: CharacterForFeatures): AvailableFeature[] {
  const context: UseContext = { level: character.level, charismaModifier: character.charismaModifier };
  return FEATURE_USES.filter((rules) => {
    if (character.level < rules.level) return false;
    if ('race' in rules.source) return rules.source.race === character.race;
    if (rules.source.characterClass !== character.characterClass) return false;
    return rules.source.subclass === undefined || hasSubclass(character.subclass, rules.source.subclass);
  }).map((rules) => ({ feature: rules.feature, name: rules.name, max: rules.uses(context), recharge: rules.recharge(character.level) }));
}
