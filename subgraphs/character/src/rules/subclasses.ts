import type { CharacterClass } from './classes.js';

/** The SRD 5.1's twelve subclasses: one per class (the rest of each class's options are not open content). */
export const SUBCLASSES = [
  'BERSERKER',
  'LORE',
  'LIFE',
  'LAND',
  'CHAMPION',
  'OPEN_HAND',
  'DEVOTION',
  'HUNTER',
  'THIEF',
  'DRACONIC',
  'FIEND',
  'EVOCATION',
] as const;
export type Subclass = (typeof SUBCLASSES)[number];

export interface SubclassRules {
  characterClass: CharacterClass;
  /** Short name, as a sheet shows it. */
  name: string;
  /** The name the SRD gives it in full ("Path of the Berserker"). */
  fullName: string;
}

export const SUBCLASS_RULES: Record<Subclass, SubclassRules> = {
  BERSERKER: { characterClass: 'BARBARIAN', name: 'Berserker', fullName: 'Path of the Berserker' },
  LORE: { characterClass: 'BARD', name: 'Lore', fullName: 'College of Lore' },
  LIFE: { characterClass: 'CLERIC', name: 'Life', fullName: 'Life Domain' },
  LAND: { characterClass: 'DRUID', name: 'Land', fullName: 'Circle of the Land' },
  CHAMPION: { characterClass: 'FIGHTER', name: 'Champion', fullName: 'Champion' },
  OPEN_HAND: { characterClass: 'MONK', name: 'Open Hand', fullName: 'Way of the Open Hand' },
  DEVOTION: { characterClass: 'PALADIN', name: 'Devotion', fullName: 'Oath of Devotion' },
  HUNTER: { characterClass: 'RANGER', name: 'Hunter', fullName: 'Hunter' },
  THIEF: { characterClass: 'ROGUE', name: 'Thief', fullName: 'Thief' },
  DRACONIC: { characterClass: 'SORCERER', name: 'Draconic', fullName: 'Draconic Bloodline' },
  FIEND: { characterClass: 'WARLOCK', name: 'Fiend', fullName: 'The Fiend' },
  EVOCATION: { characterClass: 'WIZARD', name: 'Evocation', fullName: 'School of Evocation' },
};

/**
 * The class level at which each class picks its subclass (SRD 5.1 class tables: Primal Path at 3, Divine Domain
 * at 1, Druid Circle at 2...).
 */
export const SUBCLASS_LEVEL: Record<CharacterClass, number> = {
  BARBARIAN: 3,
  BARD: 3,
  CLERIC: 1,
  DRUID: 2,
  FIGHTER: 3,
  MONK: 3,
  PALADIN: 3,
  RANGER: 3,
  ROGUE: 3,
  SORCERER: 1,
  WARLOCK: 1,
  WIZARD: 2,
};

const squash = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
const BY_SPELLING = new Map<string, Subclass>(
  SUBCLASSES.flatMap((subclass) => {
    const rules = SUBCLASS_RULES[subclass];
    return [subclass, rules.name, rules.fullName].map((spelling) => [squash(spelling), subclass] as const);
  }),
);

/**
 * The subclass a stored text names, for characters and events from before subclass was an enum (it was free
 * text): an SRD subclass of the character's class, spelt as the enum, its short name or its full name, in any
 * case ("champion", "Path of the Berserker"). Anything else (homebrew, another class's subclass) reads as none,
 * so an old character still loads and its sheet applies only rules that fit it.
 */
export function subclassFromText(text: string | null, characterClass: CharacterClass): Subclass | null {
  if (!text) return null;
  const subclass = BY_SPELLING.get(squash(text));
  return subclass && SUBCLASS_RULES[subclass].characterClass === characterClass ? subclass : null;
}

/** Why a subclass does not fit a class at a level (rule name and message), or null when it does. */
export function subclassProblem(subclass: Subclass, characterClass: CharacterClass, level: number): { rule: string; message: string } | null {
  const rules = SUBCLASS_RULES[subclass];
  if (rules.characterClass !== characterClass) {
    return {
      rule: 'SUBCLASS_NOT_OF_CLASS',
      message: `${rules.fullName} is a ${rules.characterClass.toLowerCase()} subclass, not a ${characterClass.toLowerCase()} one`,
    };
  }
  const atLevel = SUBCLASS_LEVEL[characterClass];
  if (level < atLevel) {
    return { rule: 'SUBCLASS_LEVEL', message: `a ${characterClass.toLowerCase()} chooses a subclass at level ${atLevel}; this character is level ${level}` };
  }
  return null;
}
