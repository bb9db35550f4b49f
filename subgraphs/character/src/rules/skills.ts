import type { Ability } from './abilities.js';

/** The 18 skills of SRD 5.1 and the ability each one uses. */
export const SKILL_ABILITIES = {
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
} as const satisfies Record<string, Ability>;

export type Skill = keyof typeof SKILL_ABILITIES;
export const SKILLS = Object.keys(SKILL_ABILITIES) as Skill[];
