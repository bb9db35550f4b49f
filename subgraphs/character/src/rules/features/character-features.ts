import type { CharacterClass } from '../classes.js';
import type { Race } from '../races.js';
import { SUBCLASS_RULES, type Subclass } from '../subclasses.js';
import { BARBARIAN_FEATURES } from './classes/barbarian.js';
import { BARD_FEATURES } from './classes/bard.js';
import { SORCERER_FEATURES, WARLOCK_FEATURES, WIZARD_FEATURES } from './classes/casters.js';
import { CLERIC_FEATURES } from './classes/cleric.js';
import { DRUID_FEATURES } from './classes/druid.js';
import { FIGHTER_FEATURES } from './classes/fighter.js';
import { MONK_FEATURES } from './classes/monk.js';
import { PALADIN_FEATURES } from './classes/paladin.js';
import { RANGER_FEATURES } from './classes/ranger.js';
import { ROGUE_FEATURES } from './classes/rogue.js';
import type { FeatureDefinition, FeatureEffect } from './feature-definition.js';
import { RACIAL_TRAITS } from './racial-traits.js';
import { SUBCLASS_FEATURES } from './subclass-features.js';

/** Each class's own features (subclass features are in subclass-features.ts). */
export const CLASS_FEATURES: Record<CharacterClass, FeatureDefinition[]> = {
  BARBARIAN: BARBARIAN_FEATURES,
  BARD: BARD_FEATURES,
  CLERIC: CLERIC_FEATURES,
  DRUID: DRUID_FEATURES,
  FIGHTER: FIGHTER_FEATURES,
  MONK: MONK_FEATURES,
  PALADIN: PALADIN_FEATURES,
  RANGER: RANGER_FEATURES,
  ROGUE: ROGUE_FEATURES,
  SORCERER: SORCERER_FEATURES,
  WARLOCK: WARLOCK_FEATURES,
  WIZARD: WIZARD_FEATURES,
};

/** Race names as the SRD spells them, subrace first where the enum names one. */
const RACE_NAMES: Record<Race, string> = {
  DRAGONBORN: 'Dragonborn',
  HILL_DWARF: 'Hill Dwarf',
  HIGH_ELF: 'High Elf',
  ROCK_GNOME: 'Rock Gnome',
  HALF_ELF: 'Half-Elf',
  HALF_ORC: 'Half-Orc',
  LIGHTFOOT_HALFLING: 'Lightfoot Halfling',
  HUMAN: 'Human',
  TIEFLING: 'Tiefling',
};

export type FeatureSource = 'CLASS' | 'SUBCLASS' | 'RACE';

/** A feature a character has, with its number at the character's level. */
export interface CharacterFeature {
  name: string;
  source: FeatureSource;
  /** The class, subclass or race it comes from ("Fighter", "Champion", "High Elf"). */
  sourceName: string;
  level: number;
  description: string;
  value: string | null;
  effects: readonly FeatureEffect[];
}

const SOURCE_ORDER: Record<FeatureSource, number> = { RACE: 0, CLASS: 1, SUBCLASS: 2 };
const title = (name: string) => name.charAt(0) + name.slice(1).toLowerCase();

/** What a character of this race, class and subclass has at a class level, in level order (race, class, subclass at one level). */
export function characterFeatures(race: Race, characterClass: CharacterClass, subclass: Subclass | null, level: number): CharacterFeature[] {
  const at = (source: FeatureSource, sourceName: string, definitions: readonly FeatureDefinition[]) =>
    definitions
      .filter((definition) => definition.level <= level)
      .map((definition): CharacterFeature => ({
        name: definition.name,
        source,
        sourceName,
        level: definition.level,
        description: definition.description,
        value: definition.value?.(level) ?? null,
        effects: definition.effects ?? [],
      }));
  const features = [
    ...at('RACE', RACE_NAMES[race], RACIAL_TRAITS[race]),
    ...at('CLASS', title(characterClass), CLASS_FEATURES[characterClass]),
    ...(subclass ? at('SUBCLASS', SUBCLASS_RULES[subclass].name, SUBCLASS_FEATURES[subclass]) : []),
  ];
  // Array.prototype.sort is stable: within one level and source the tables' order stays.
  return features.sort((a, b) => a.level - b.level || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source]);
}
