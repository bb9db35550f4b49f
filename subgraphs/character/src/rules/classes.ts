import type { Ability } from './abilities.js';
import type { Skill } from './skills.js';

export const CHARACTER_CLASSES = [
  'BARBARIAN',
  'BARD',
  'CLERIC',
  'DRUID',
  'FIGHTER',
  'MONK',
  'PALADIN',
  'RANGER',
  'ROGUE',
  'SORCERER',
  'WARLOCK',
  'WIZARD',
] as const;
export type CharacterClass = (typeof CHARACTER_CLASSES)[number];

/**
 * FULL: the shared full-caster slot table. HALF: paladin and ranger, whose Spellcasting feature starts at
 * level 2. PACT: warlock Pact Magic (a few slots, all of one level, regained on a short rest).
 */
export type SpellcastingProgression = 'FULL' | 'HALF' | 'PACT';

export interface ClassRules {
  hitDie: number;
  savingThrows: readonly [Ability, Ability];
  spellcasting: { ability: Ability; progression: SpellcastingProgression } | null;
  /** Skill proficiencies chosen at level 1: how many, and from which list. */
  skillChoices: { count: number; from: readonly Skill[] | 'ANY' };
  /** Unarmored Defense: 10 + DEX + this ability's modifier when wearing no armour (SRD barbarian/monk). */
  unarmoredDefense: { ability: Ability; shieldAllowed: boolean } | null;
}

/** SRD 5.1 class facts (hit die, saving throws, spellcasting, skill choices). */
export const CLASSES: Record<CharacterClass, ClassRules> = {
  BARBARIAN: {
    hitDie: 12,
    savingThrows: ['STRENGTH', 'CONSTITUTION'],
    spellcasting: null,
    skillChoices: { count: 2, from: ['ANIMAL_HANDLING', 'ATHLETICS', 'INTIMIDATION', 'NATURE', 'PERCEPTION', 'SURVIVAL'] },
    unarmoredDefense: { ability: 'CONSTITUTION', shieldAllowed: true },
  },
  BARD: {
    hitDie: 8,
    savingThrows: ['DEXTERITY', 'CHARISMA'],
    spellcasting: { ability: 'CHARISMA', progression: 'FULL' },
    skillChoices: { count: 3, from: 'ANY' },
    unarmoredDefense: null,
  },
  CLERIC: {
    hitDie: 8,
    savingThrows: ['WISDOM', 'CHARISMA'],
    spellcasting: { ability: 'WISDOM', progression: 'FULL' },
    skillChoices: { count: 2, from: ['HISTORY', 'INSIGHT', 'MEDICINE', 'PERSUASION', 'RELIGION'] },
    unarmoredDefense: null,
  },
  DRUID: {
    hitDie: 8,
    savingThrows: ['INTELLIGENCE', 'WISDOM'],
    spellcasting: { ability: 'WISDOM', progression: 'FULL' },
    skillChoices: {
      count: 2,
      from: ['ARCANA', 'ANIMAL_HANDLING', 'INSIGHT', 'MEDICINE', 'NATURE', 'PERCEPTION', 'RELIGION', 'SURVIVAL'],
    },
    unarmoredDefense: null,
  },
  FIGHTER: {
    hitDie: 10,
    savingThrows: ['STRENGTH', 'CONSTITUTION'],
    spellcasting: null,
    skillChoices: {
      count: 2,
      from: ['ACROBATICS', 'ANIMAL_HANDLING', 'ATHLETICS', 'HISTORY', 'INSIGHT', 'INTIMIDATION', 'PERCEPTION', 'SURVIVAL'],
    },
    unarmoredDefense: null,
  },
  MONK: {
    hitDie: 8,
    savingThrows: ['STRENGTH', 'DEXTERITY'],
    spellcasting: null,
    skillChoices: { count: 2, from: ['ACROBATICS', 'ATHLETICS', 'HISTORY', 'INSIGHT', 'RELIGION', 'STEALTH'] },
    unarmoredDefense: { ability: 'WISDOM', shieldAllowed: false },
  },
  PALADIN: {
    hitDie: 10,
    savingThrows: ['WISDOM', 'CHARISMA'],
    spellcasting: { ability: 'CHARISMA', progression: 'HALF' },
    skillChoices: { count: 2, from: ['ATHLETICS', 'INSIGHT', 'INTIMIDATION', 'MEDICINE', 'PERSUASION', 'RELIGION'] },
    unarmoredDefense: null,
  },
  RANGER: {
    hitDie: 10,
    savingThrows: ['STRENGTH', 'DEXTERITY'],
    spellcasting: { ability: 'WISDOM', progression: 'HALF' },
    skillChoices: {
      count: 3,
      from: ['ANIMAL_HANDLING', 'ATHLETICS', 'INSIGHT', 'INVESTIGATION', 'NATURE', 'PERCEPTION', 'STEALTH', 'SURVIVAL'],
    },
    unarmoredDefense: null,
  },
  ROGUE: {
    hitDie: 8,
    savingThrows: ['DEXTERITY', 'INTELLIGENCE'],
    spellcasting: null,
    skillChoices: {
      count: 4,
      from: [
        'ACROBATICS',
        'ATHLETICS',
        'DECEPTION',
        'INSIGHT',
        'INTIMIDATION',
        'INVESTIGATION',
        'PERCEPTION',
        'PERFORMANCE',
        'PERSUASION',
        'SLEIGHT_OF_HAND',
        'STEALTH',
      ],
    },
    unarmoredDefense: null,
  },
  SORCERER: {
    hitDie: 6,
    savingThrows: ['CONSTITUTION', 'CHARISMA'],
    spellcasting: { ability: 'CHARISMA', progression: 'FULL' },
    skillChoices: { count: 2, from: ['ARCANA', 'DECEPTION', 'INSIGHT', 'INTIMIDATION', 'PERSUASION', 'RELIGION'] },
    unarmoredDefense: null,
  },
  WARLOCK: {
    hitDie: 8,
    savingThrows: ['WISDOM', 'CHARISMA'],
    spellcasting: { ability: 'CHARISMA', progression: 'PACT' },
    skillChoices: {
      count: 2,
      from: ['ARCANA', 'DECEPTION', 'HISTORY', 'INTIMIDATION', 'INVESTIGATION', 'NATURE', 'RELIGION'],
    },
    unarmoredDefense: null,
  },
  WIZARD: {
    hitDie: 6,
    savingThrows: ['INTELLIGENCE', 'WISDOM'],
    spellcasting: { ability: 'INTELLIGENCE', progression: 'FULL' },
    skillChoices: { count: 2, from: ['ARCANA', 'HISTORY', 'INSIGHT', 'INVESTIGATION', 'MEDICINE', 'RELIGION'] },
    unarmoredDefense: null,
  },
};
