/**
 * Facts of the SRD 5.1 about a character builder's choices, written down once in our own compact form so that the
 * cross-check (src/rules/srd-choices-cross-check.test.ts) runs on any clone. Read off the SRD's class features
 * (Ability Score Improvement, Expertise, Fighting Style), class skill proficiencies, the Acolyte background, the
 * racial traits that grant skills and the Grappler feat. The SRD 5.1 is Wizards of the Coast's, under CC-BY-4.0:
 * see the README's "Licence of the rules content". Literal, not computed, so a mistake in the rules is not repeated.
 */

/** Class skill proficiencies: "Choose N from ..." (bard: any three). */
export const SRD_CLASS_SKILL_CHOICES: Record<string, { choose: number; from: string }> = {
  BARBARIAN: { choose: 2, from: 'ANIMAL_HANDLING ATHLETICS INTIMIDATION NATURE PERCEPTION SURVIVAL' },
  BARD: { choose: 3, from: 'ANY' },
  CLERIC: { choose: 2, from: 'HISTORY INSIGHT MEDICINE PERSUASION RELIGION' },
  DRUID: { choose: 2, from: 'ANIMAL_HANDLING ARCANA INSIGHT MEDICINE NATURE PERCEPTION RELIGION SURVIVAL' },
  FIGHTER: { choose: 2, from: 'ACROBATICS ANIMAL_HANDLING ATHLETICS HISTORY INSIGHT INTIMIDATION PERCEPTION SURVIVAL' },
  MONK: { choose: 2, from: 'ACROBATICS ATHLETICS HISTORY INSIGHT RELIGION STEALTH' },
  PALADIN: { choose: 2, from: 'ATHLETICS INSIGHT INTIMIDATION MEDICINE PERSUASION RELIGION' },
  RANGER: { choose: 3, from: 'ANIMAL_HANDLING ATHLETICS INSIGHT INVESTIGATION NATURE PERCEPTION STEALTH SURVIVAL' },
  ROGUE: { choose: 4, from: 'ACROBATICS ATHLETICS DECEPTION INSIGHT INTIMIDATION INVESTIGATION PERCEPTION PERFORMANCE PERSUASION SLEIGHT_OF_HAND STEALTH' },
  SORCERER: { choose: 2, from: 'ARCANA DECEPTION INSIGHT INTIMIDATION PERSUASION RELIGION' },
  WARLOCK: { choose: 2, from: 'ARCANA DECEPTION HISTORY INTIMIDATION INVESTIGATION NATURE RELIGION' },
  WIZARD: { choose: 2, from: 'ARCANA HISTORY INSIGHT INVESTIGATION MEDICINE RELIGION' },
};

/** The class levels of each class's "Ability Score Improvement" feature. */
export const SRD_ASI_LEVELS: Record<string, number[]> = {
  BARBARIAN: [4, 8, 12, 16, 19],
  BARD: [4, 8, 12, 16, 19],
  CLERIC: [4, 8, 12, 16, 19],
  DRUID: [4, 8, 12, 16, 19],
  FIGHTER: [4, 6, 8, 12, 14, 16, 19],
  MONK: [4, 8, 12, 16, 19],
  PALADIN: [4, 8, 12, 16, 19],
  RANGER: [4, 8, 12, 16, 19],
  ROGUE: [4, 8, 10, 12, 16, 19],
  SORCERER: [4, 8, 12, 16, 19],
  WARLOCK: [4, 8, 12, 16, 19],
  WIZARD: [4, 8, 12, 16, 19],
};

/** "Expertise" features: level and number of skills (rogue: two skills, the thieves' tools option aside). */
export const SRD_EXPERTISE: Record<string, { level: number; skills: number }[]> = {
  ROGUE: [
    { level: 1, skills: 2 },
    { level: 6, skills: 2 },
  ],
  BARD: [
    { level: 3, skills: 2 },
    { level: 10, skills: 2 },
  ],
};

/** "Fighting Style" features: class, level, subclass (Champion: Additional Fighting Style) and the styles offered. */
export const SRD_FIGHTING_STYLES: { characterClass: string; level: number; subclass: string | null; styles: string }[] = [
  { characterClass: 'FIGHTER', level: 1, subclass: null, styles: 'ARCHERY DEFENSE DUELING GREAT_WEAPON_FIGHTING PROTECTION TWO_WEAPON_FIGHTING' },
  { characterClass: 'FIGHTER', level: 10, subclass: 'Champion', styles: 'ARCHERY DEFENSE DUELING GREAT_WEAPON_FIGHTING PROTECTION TWO_WEAPON_FIGHTING' },
  { characterClass: 'PALADIN', level: 2, subclass: null, styles: 'DEFENSE DUELING GREAT_WEAPON_FIGHTING PROTECTION' },
  { characterClass: 'RANGER', level: 2, subclass: null, styles: 'ARCHERY DEFENSE DUELING TWO_WEAPON_FIGHTING' },
];

/** Skills from racial traits: fixed (Keen Senses, Menacing) or chosen (Skill Versatility: any two). */
export const SRD_RACE_SKILLS: Record<string, { fixed: string[]; chooseAny: number }> = {
  HIGH_ELF: { fixed: ['PERCEPTION'], chooseAny: 0 },
  HALF_ORC: { fixed: ['INTIMIDATION'], chooseAny: 0 },
  HALF_ELF: { fixed: [], chooseAny: 2 },
};

/** The Acolyte's skill proficiencies; "Customizing a Background": any other background chooses two skills. */
export const SRD_ACOLYTE_SKILLS = ['INSIGHT', 'RELIGION'];
export const SRD_CUSTOM_BACKGROUND_SKILLS = 2;

/** The Grappler feat's prerequisite. */
export const SRD_GRAPPLER_PREREQUISITE = { ability: 'STRENGTH', minimum: 13 };
