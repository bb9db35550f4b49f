/**
 * Facts of the SRD 5.1 spellcasting tables and spell lists that the spell rules must agree with, written down
 * literally (not computed) so that the cross-check (src/rules/spells/srd-spells-cross-check.test.ts) runs on any
 * clone and a mistake in the rules code cannot be repeated here. Read off the SRD's class tables ("Cantrips Known",
 * "Spells Known" columns), its class spell lists and spell descriptions. The SRD 5.1 is Wizards of the Coast's,
 * under CC-BY-4.0: see the README's "Licence of the rules content".
 */

/** Cantrips Known per class table, levels 1-20 (classes without the column know none). */
export const SRD_CANTRIPS_KNOWN: Record<string, number[]> = {
  BARD: [2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  CLERIC: [3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  DRUID: [2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  SORCERER: [4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6],
  WARLOCK: [2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  WIZARD: [3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
};

/** Spells Known per class table, levels 1-20 (ranger level 1: no Spellcasting yet, 0); the other classes prepare. */
export const SRD_SPELLS_KNOWN: Record<string, number[]> = {
  BARD: [4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 15, 16, 18, 19, 19, 20, 22, 22, 22],
  RANGER: [0, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11],
  SORCERER: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 13, 14, 14, 15, 15, 15, 15],
  WARLOCK: [2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15],
};

/** How many spells each class's SRD list has of spell levels 0 (cantrips) to 9. */
export const SRD_CLASS_LIST_SIZES: Record<string, number[]> = {
  BARD: [9, 19, 19, 15, 8, 16, 7, 10, 5, 3],
  CLERIC: [7, 15, 17, 19, 8, 13, 10, 8, 4, 4],
  DRUID: [7, 16, 17, 12, 16, 14, 9, 5, 6, 4],
  PALADIN: [0, 11, 8, 6, 3, 3, 0, 0, 0, 0],
  RANGER: [0, 11, 11, 9, 4, 2, 0, 0, 0, 0],
  SORCERER: [14, 17, 21, 20, 10, 11, 9, 8, 5, 5],
  WARLOCK: [7, 7, 10, 11, 4, 4, 7, 4, 5, 5],
  WIZARD: [14, 27, 31, 28, 23, 23, 19, 15, 12, 12],
};

/** The SRD 5.1 has this many spells in all. */
export const SRD_SPELL_COUNT = 319;

/** A few spells as the SRD describes them: level, school, class lists, ritual, concentration, attack, saving throw. */
export const SRD_SAMPLE_SPELLS = [
  { id: 'FIREBALL', level: 3, school: 'EVOCATION', classes: ['SORCERER', 'WIZARD'], ritual: false, concentration: false, attack: null, save: 'DEXTERITY' },
  { id: 'FIRE_BOLT', level: 0, school: 'EVOCATION', classes: ['SORCERER', 'WIZARD'], ritual: false, concentration: false, attack: 'RANGED', save: null },
  { id: 'SHOCKING_GRASP', level: 0, school: 'EVOCATION', classes: ['SORCERER', 'WIZARD'], ritual: false, concentration: false, attack: 'MELEE', save: null },
  {
    id: 'DETECT_MAGIC',
    level: 1,
    school: 'DIVINATION',
    classes: ['BARD', 'CLERIC', 'DRUID', 'PALADIN', 'RANGER', 'SORCERER', 'WIZARD'],
    ritual: true,
    concentration: true,
    attack: null,
    save: null,
  },
  {
    id: 'CURE_WOUNDS',
    level: 1,
    school: 'EVOCATION',
    classes: ['BARD', 'CLERIC', 'DRUID', 'PALADIN', 'RANGER'],
    ritual: false,
    concentration: false,
    attack: null,
    save: null,
  },
  {
    id: 'HOLD_PERSON',
    level: 2,
    school: 'ENCHANTMENT',
    classes: ['BARD', 'CLERIC', 'DRUID', 'SORCERER', 'WARLOCK', 'WIZARD'],
    ritual: false,
    concentration: true,
    attack: null,
    save: 'WISDOM',
  },
  { id: 'ELDRITCH_BLAST', level: 0, school: 'EVOCATION', classes: ['WARLOCK'], ritual: false, concentration: false, attack: 'RANGED', save: null },
  { id: 'CONTAGION', level: 5, school: 'NECROMANCY', classes: ['CLERIC', 'DRUID'], ritual: false, concentration: false, attack: 'MELEE', save: 'CONSTITUTION' },
  { id: 'WISH', level: 9, school: 'CONJURATION', classes: ['SORCERER', 'WIZARD'], ritual: false, concentration: false, attack: null, save: null },
];

/**
 * Spells prepared, worked from the SRD's "Preparing and Casting Spells" rule (ability modifier + level, paladin:
 * + half level rounded down, at least one), with the final spellcasting ability score.
 */
export const SRD_PREPARED_EXAMPLES = [
  { characterClass: 'CLERIC', level: 1, score: 16, prepared: 4 },
  { characterClass: 'WIZARD', level: 5, score: 17, prepared: 8 },
  { characterClass: 'DRUID', level: 3, score: 12, prepared: 4 },
  { characterClass: 'PALADIN', level: 2, score: 14, prepared: 3 },
  { characterClass: 'PALADIN', level: 5, score: 16, prepared: 5 },
  { characterClass: 'CLERIC', level: 1, score: 6, prepared: 1 },
] as const;
