/**
 * Facts of the SRD 5.1 that the rules tables must agree with, written down once in our own compact form so that
 * the cross-check (src/rules/srd-cross-check.test.ts) runs on any clone, with nothing outside the repository.
 * They were read off the SRD's class tables, race descriptions, armour table and skill list. The SRD 5.1 is
 * Wizards of the Coast's, under CC-BY-4.0: see the README's "Licence of the rules content".
 *
 * Deliberately literal rather than computed: a spell slot row is the nine numbers of the SRD's table as a string
 * ('432000000': four 1st-level, three 2nd, two 3rd), so a mistake in the rules code cannot be repeated here.
 */
import type { Ability } from '../rules/abilities.js';

/** Each class: hit die, saving throw proficiencies, spellcasting ability (null: no Spellcasting feature). */
export const SRD_CLASSES: Record<string, { hitDie: number; saves: Ability[]; spellcasting: Ability | null }> = {
  BARBARIAN: { hitDie: 12, saves: ['STRENGTH', 'CONSTITUTION'], spellcasting: null },
  BARD: { hitDie: 8, saves: ['DEXTERITY', 'CHARISMA'], spellcasting: 'CHARISMA' },
  CLERIC: { hitDie: 8, saves: ['WISDOM', 'CHARISMA'], spellcasting: 'WISDOM' },
  DRUID: { hitDie: 8, saves: ['INTELLIGENCE', 'WISDOM'], spellcasting: 'WISDOM' },
  FIGHTER: { hitDie: 10, saves: ['STRENGTH', 'CONSTITUTION'], spellcasting: null },
  MONK: { hitDie: 8, saves: ['STRENGTH', 'DEXTERITY'], spellcasting: null },
  PALADIN: { hitDie: 10, saves: ['WISDOM', 'CHARISMA'], spellcasting: 'CHARISMA' },
  RANGER: { hitDie: 10, saves: ['STRENGTH', 'DEXTERITY'], spellcasting: 'WISDOM' },
  ROGUE: { hitDie: 8, saves: ['DEXTERITY', 'INTELLIGENCE'], spellcasting: null },
  SORCERER: { hitDie: 6, saves: ['CONSTITUTION', 'CHARISMA'], spellcasting: 'CHARISMA' },
  WARLOCK: { hitDie: 8, saves: ['WISDOM', 'CHARISMA'], spellcasting: 'CHARISMA' },
  WIZARD: { hitDie: 6, saves: ['INTELLIGENCE', 'WISDOM'], spellcasting: 'INTELLIGENCE' },
};

/** Proficiency bonus at levels 1-20: the same column in every class table. */
export const SRD_PROFICIENCY_BONUS = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6];

/** The bard, cleric, druid, sorcerer and wizard tables' spell slot columns, levels 1-20. */
const FULL_CASTER = [
  '200000000',
  '300000000',
  '420000000',
  '430000000',
  '432000000',
  '433000000',
  '433100000',
  '433200000',
  '433310000',
  '433320000',
  '433321000',
  '433321000',
  '433321100',
  '433321100',
  '433321110',
  '433321110',
  '433321111',
  '433331111',
  '433332111',
  '433332211',
];
/** The paladin and ranger tables: no slots at level 1. */
const HALF_CASTER = [
  '000000000',
  '200000000',
  '300000000',
  '300000000',
  '420000000',
  '420000000',
  '430000000',
  '430000000',
  '432000000',
  '432000000',
  '433000000',
  '433000000',
  '433100000',
  '433100000',
  '433200000',
  '433200000',
  '433310000',
  '433310000',
  '433320000',
  '433320000',
];
/** The warlock table's Spell Slots and Slot Level columns, put in the column of the slot level. */
const WARLOCK = [
  '100000000',
  '200000000',
  '020000000',
  '020000000',
  '002000000',
  '002000000',
  '000200000',
  '000200000',
  '000020000',
  '000020000',
  '000030000',
  '000030000',
  '000030000',
  '000030000',
  '000030000',
  '000030000',
  '000040000',
  '000040000',
  '000040000',
  '000040000',
];
const NONE = Array.from({ length: 20 }, () => '000000000');

/** Spell slots by class and level (index 0 is level 1). */
export const SRD_SPELL_SLOTS: Record<string, readonly string[]> = {
  BARBARIAN: NONE,
  BARD: FULL_CASTER,
  CLERIC: FULL_CASTER,
  DRUID: FULL_CASTER,
  FIGHTER: NONE,
  MONK: NONE,
  PALADIN: HALF_CASTER,
  RANGER: HALF_CASTER,
  ROGUE: NONE,
  SORCERER: FULL_CASTER,
  WARLOCK,
  WIZARD: FULL_CASTER,
};

/** Each race with the SRD's one subrace: ability score increases of race and subrace together, and speed. */
export const SRD_RACES: Record<string, { speed: number; bonuses: Partial<Record<Ability, number>> }> = {
  HILL_DWARF: { speed: 25, bonuses: { CONSTITUTION: 2, WISDOM: 1 } },
  HIGH_ELF: { speed: 30, bonuses: { DEXTERITY: 2, INTELLIGENCE: 1 } },
  LIGHTFOOT_HALFLING: { speed: 25, bonuses: { DEXTERITY: 2, CHARISMA: 1 } },
  HUMAN: { speed: 30, bonuses: { STRENGTH: 1, DEXTERITY: 1, CONSTITUTION: 1, INTELLIGENCE: 1, WISDOM: 1, CHARISMA: 1 } },
  DRAGONBORN: { speed: 30, bonuses: { STRENGTH: 2, CHARISMA: 1 } },
  ROCK_GNOME: { speed: 25, bonuses: { INTELLIGENCE: 2, CONSTITUTION: 1 } },
  // The half-elf's two other +1s are the player's choice, not a fixed bonus.
  HALF_ELF: { speed: 30, bonuses: { CHARISMA: 2 } },
  HALF_ORC: { speed: 30, bonuses: { STRENGTH: 2, CONSTITUTION: 1 } },
  TIEFLING: { speed: 30, bonuses: { INTELLIGENCE: 1, CHARISMA: 2 } },
};

/**
 * The armour table: category, base AC, how Dexterity counts (true: all of it; a number: up to it; false: not at
 * all), Strength requirement (0: none), stealth disadvantage, weight in pounds.
 */
export const SRD_ARMOR: Record<
  string,
  [category: string, base: number, dex: boolean | number, strength: number, stealthDisadvantage: boolean, weight: number]
> = {
  PADDED: ['LIGHT', 11, true, 0, true, 8],
  LEATHER: ['LIGHT', 11, true, 0, false, 10],
  STUDDED_LEATHER: ['LIGHT', 12, true, 0, false, 13],
  HIDE: ['MEDIUM', 12, 2, 0, false, 12],
  CHAIN_SHIRT: ['MEDIUM', 13, 2, 0, false, 20],
  SCALE_MAIL: ['MEDIUM', 14, 2, 0, true, 45],
  BREASTPLATE: ['MEDIUM', 14, 2, 0, false, 20],
  HALF_PLATE: ['MEDIUM', 15, 2, 0, true, 40],
  RING_MAIL: ['HEAVY', 14, false, 0, true, 40],
  CHAIN_MAIL: ['HEAVY', 16, false, 13, true, 55],
  SPLINT: ['HEAVY', 17, false, 15, true, 60],
  PLATE: ['HEAVY', 18, false, 15, true, 65],
  SHIELD: ['SHIELD', 2, false, 0, false, 6],
};

/** The 18 skills and the ability each uses. */
export const SRD_SKILLS: Record<string, Ability> = {
  ACROBATICS: 'DEXTERITY',
  ANIMAL_HANDLING: 'WISDOM',
  ARCANA: 'INTELLIGENCE',
  ATHLETICS: 'STRENGTH',
  DECEPTION: 'CHARISMA',
  HISTORY: 'INTELLIGENCE',
  INSIGHT: 'WISDOM',
  INTIMIDATION: 'CHARISMA',
  INVESTIGATION: 'INTELLIGENCE',
  MEDICINE: 'WISDOM',
  NATURE: 'INTELLIGENCE',
  PERCEPTION: 'WISDOM',
  PERFORMANCE: 'CHARISMA',
  PERSUASION: 'CHARISMA',
  RELIGION: 'INTELLIGENCE',
  SLEIGHT_OF_HAND: 'DEXTERITY',
  STEALTH: 'DEXTERITY',
  SURVIVAL: 'WISDOM',
};
