import type { Ability } from './abilities.js';

/** SRD 5.1 Appendix PH-A: Conditions (exhaustion, measured in levels, is kept apart: see EXHAUSTION_LEVELS). */
export const CONDITIONS = [
  'BLINDED',
  'CHARMED',
  'DEAFENED',
  'FRIGHTENED',
  'GRAPPLED',
  'INCAPACITATED',
  'INVISIBLE',
  'PARALYZED',
  'PETRIFIED',
  'POISONED',
  'PRONE',
  'RESTRAINED',
  'STUNNED',
  'UNCONSCIOUS',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export function isCondition(value: string): value is Condition {
  return (CONDITIONS as readonly string[]).includes(value);
}

/** Which d20 rolls an effect is about: the creature's own, or attack rolls made against it. */
export type RollKind = 'ATTACK_ROLLS' | 'ABILITY_CHECKS' | 'SAVING_THROWS' | 'ATTACKS_AGAINST';
export type RollModifier = 'ADVANTAGE' | 'DISADVANTAGE' | 'AUTO_FAIL';

export interface RollEffect {
  roll: RollKind;
  modifier: RollModifier;
  /** Only the saving throws (or checks) of this ability; null: all of them. */
  ability: Ability | null;
  /** When the effect holds, if not always (e.g. only checks that need sight). */
  circumstance: string | null;
}

export interface ConditionRules {
  /** SRD: "speed becomes 0" (grappled, restrained) or "can't move" (paralyzed, petrified, stunned, unconscious). */
  speedZero: boolean;
  /** The conditions this one includes: "is incapacitated (see the condition)", unconscious "falls prone". */
  includes: readonly Condition[];
  rolls: readonly RollEffect[];
  /** What the condition does that is no number on the sheet, in our words. */
  summary: string;
}

const effect = (roll: RollKind, modifier: RollModifier, circumstance: string | null = null, ability: Ability | null = null): RollEffect => ({
  roll,
  modifier,
  ability,
  circumstance,
});
// SRD: paralyzed, petrified, stunned and unconscious creatures automatically fail Strength and Dexterity saving throws.
const FAILS_STR_DEX_SAVES = [effect('SAVING_THROWS', 'AUTO_FAIL', null, 'STRENGTH'), effect('SAVING_THROWS', 'AUTO_FAIL', null, 'DEXTERITY')];
const WITHIN_5_FEET_CRIT = 'a hit from within 5 feet is a critical hit';

export const CONDITION_RULES: Record<Condition, ConditionRules> = {
  BLINDED: {
    speedZero: false,
    includes: [],
    rolls: [effect('ABILITY_CHECKS', 'AUTO_FAIL', 'checks that need sight'), effect('ATTACK_ROLLS', 'DISADVANTAGE'), effect('ATTACKS_AGAINST', 'ADVANTAGE')],
    summary: 'Cannot see.',
  },
  CHARMED: { speedZero: false, includes: [], rolls: [], summary: 'Cannot attack or harm the charmer, who has advantage on social checks against it.' },
  DEAFENED: { speedZero: false, includes: [], rolls: [effect('ABILITY_CHECKS', 'AUTO_FAIL', 'checks that need hearing')], summary: 'Cannot hear.' },
  FRIGHTENED: {
    speedZero: false,
    includes: [],
    rolls: [
      effect('ABILITY_CHECKS', 'DISADVANTAGE', 'while the source of fear is in sight'),
      effect('ATTACK_ROLLS', 'DISADVANTAGE', 'while the source of fear is in sight'),
    ],
    summary: 'Cannot willingly move closer to the source of its fear.',
  },
  GRAPPLED: { speedZero: true, includes: [], rolls: [], summary: 'Speed 0, no bonus to speed applies.' },
  INCAPACITATED: { speedZero: false, includes: [], rolls: [], summary: 'Can take no actions or reactions.' },
  INVISIBLE: {
    speedZero: false,
    includes: [],
    rolls: [effect('ATTACK_ROLLS', 'ADVANTAGE'), effect('ATTACKS_AGAINST', 'DISADVANTAGE')],
    summary: 'Cannot be seen without magic or a special sense; heavily obscured for hiding.',
  },
  PARALYZED: {
    speedZero: true,
    includes: ['INCAPACITATED'],
    rolls: [...FAILS_STR_DEX_SAVES, effect('ATTACKS_AGAINST', 'ADVANTAGE')],
    summary: `Cannot move or speak; ${WITHIN_5_FEET_CRIT}.`,
  },
  PETRIFIED: {
    speedZero: true,
    includes: ['INCAPACITATED'],
    rolls: [...FAILS_STR_DEX_SAVES, effect('ATTACKS_AGAINST', 'ADVANTAGE')],
    summary: 'Turned to stone: cannot move or speak, unaware, resistant to all damage, immune to poison and disease.',
  },
  POISONED: { speedZero: false, includes: [], rolls: [effect('ATTACK_ROLLS', 'DISADVANTAGE'), effect('ABILITY_CHECKS', 'DISADVANTAGE')], summary: 'Sickened.' },
  PRONE: {
    speedZero: false,
    includes: [],
    rolls: [
      effect('ATTACK_ROLLS', 'DISADVANTAGE'),
      effect('ATTACKS_AGAINST', 'ADVANTAGE', 'attacker within 5 feet'),
      effect('ATTACKS_AGAINST', 'DISADVANTAGE', 'attacker farther than 5 feet'),
    ],
    summary: 'Can only crawl until it stands up.',
  },
  RESTRAINED: {
    speedZero: true,
    includes: [],
    rolls: [effect('ATTACK_ROLLS', 'DISADVANTAGE'), effect('ATTACKS_AGAINST', 'ADVANTAGE'), effect('SAVING_THROWS', 'DISADVANTAGE', null, 'DEXTERITY')],
    summary: 'Speed 0, no bonus to speed applies.',
  },
  STUNNED: {
    speedZero: true,
    includes: ['INCAPACITATED'],
    rolls: [...FAILS_STR_DEX_SAVES, effect('ATTACKS_AGAINST', 'ADVANTAGE')],
    summary: 'Cannot move, speaks only falteringly.',
  },
  UNCONSCIOUS: {
    speedZero: true,
    includes: ['INCAPACITATED', 'PRONE'],
    rolls: [...FAILS_STR_DEX_SAVES, effect('ATTACKS_AGAINST', 'ADVANTAGE')],
    summary: `Cannot move or speak, unaware, drops what it holds and falls prone; ${WITHIN_5_FEET_CRIT}.`,
  },
};

/** SRD 5.1 Exhaustion: six levels; a creature suffers its level's effect and those of every lower level. */
export const MAX_EXHAUSTION = 6;

export interface ExhaustionLevel {
  level: number;
  rolls: readonly RollEffect[];
  speed: 'HALVED' | 'ZERO' | null;
  hitPointMaximumHalved: boolean;
  dead: boolean;
}

export const EXHAUSTION_LEVELS: readonly ExhaustionLevel[] = [
  { level: 1, rolls: [effect('ABILITY_CHECKS', 'DISADVANTAGE')], speed: null, hitPointMaximumHalved: false, dead: false },
  { level: 2, rolls: [], speed: 'HALVED', hitPointMaximumHalved: false, dead: false },
  {
    level: 3,
    rolls: [effect('ATTACK_ROLLS', 'DISADVANTAGE'), effect('SAVING_THROWS', 'DISADVANTAGE')],
    speed: null,
    hitPointMaximumHalved: false,
    dead: false,
  },
  { level: 4, rolls: [], speed: null, hitPointMaximumHalved: true, dead: false },
  { level: 5, rolls: [], speed: 'ZERO', hitPointMaximumHalved: false, dead: false },
  { level: 6, rolls: [], speed: null, hitPointMaximumHalved: false, dead: true },
];

/** The conditions in effect: the given ones and those they include (unconscious: incapacitated and prone), in table order. */
export function effectiveConditions(conditions: readonly string[]): Condition[] {
  const active = new Set<Condition>();
  for (const condition of conditions) {
    if (!isCondition(condition)) continue;
    active.add(condition);
    for (const included of CONDITION_RULES[condition].includes) active.add(included);
  }
  return CONDITIONS.filter((condition) => active.has(condition));
}
