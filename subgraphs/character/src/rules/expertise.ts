import type { CharacterClass } from './classes.js';

/** One Expertise feature: the class level it arrives at and how many skills it doubles. */
export interface ExpertiseGrant {
  level: number;
  count: number;
}

/**
 * SRD 5.1 Rogue Expertise: two skills at 1st level and two more at 6th; Bard Expertise: two at 3rd, two more at
 * 10th. (The rogue's alternative of thieves' tools is not offered: tools are not modelled.) Other classes: none.
 */
export const EXPERTISE_GRANTS: Partial<Record<CharacterClass, readonly ExpertiseGrant[]>> = {
  ROGUE: [
    { level: 1, count: 2 },
    { level: 6, count: 2 },
  ],
  BARD: [
    { level: 3, count: 2 },
    { level: 10, count: 2 },
  ],
};

/** How many skills a character of this class and level may have Expertise in. */
export function expertiseCount(characterClass: CharacterClass, level: number): number {
  return (EXPERTISE_GRANTS[characterClass] ?? []).filter((grant) => grant.level <= level).reduce((sum, grant) => sum + grant.count, 0);
}

// SRD 5.1 Expertise: "your proficiency bonus is doubled for any ability check you make that uses either of the chosen proficiencies".
export const EXPERTISE_MULTIPLIER = 2;
