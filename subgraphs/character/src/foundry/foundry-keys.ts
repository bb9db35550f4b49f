/**
 * How the dnd5e system of Foundry VTT (5.x data model) names what our rules name: ability and skill abbreviations,
 * class, subclass and race identifiers, condition status ids, spell schools, weapon and armour base items. Each
 * table is keyed by our enum so that a value we add to the rules without a Foundry name fails to compile.
 */
import {
  ALIGNMENTS,
  ARMOR,
  CHARACTER_CLASSES,
  CONDITIONS,
  RACES,
  SUBCLASSES,
  WEAPON_TYPES,
  type Ability,
  type Alignment,
  type ArmorCategory,
  type ArmorType,
  type CharacterClass,
  type Condition,
  type Race,
  type Skill,
  type SpellSchool,
  type Subclass,
  type WeaponType,
} from '../rules/index.js';

export const ABILITY_KEYS: Record<Ability, string> = {
  STRENGTH: 'str',
  DEXTERITY: 'dex',
  CONSTITUTION: 'con',
  INTELLIGENCE: 'int',
  WISDOM: 'wis',
  CHARISMA: 'cha',
};

export const SKILL_KEYS: Record<Skill, string> = {
  ACROBATICS: 'acr',
  ANIMAL_HANDLING: 'ani',
  ARCANA: 'arc',
  ATHLETICS: 'ath',
  DECEPTION: 'dec',
  HISTORY: 'his',
  INSIGHT: 'ins',
  INTIMIDATION: 'itm',
  INVESTIGATION: 'inv',
  MEDICINE: 'med',
  NATURE: 'nat',
  PERCEPTION: 'prc',
  PERFORMANCE: 'prf',
  PERSUASION: 'per',
  RELIGION: 'rel',
  SLEIGHT_OF_HAND: 'slt',
  STEALTH: 'ste',
  SURVIVAL: 'sur',
};

export const SCHOOL_KEYS: Record<SpellSchool, string> = {
  ABJURATION: 'abj',
  CONJURATION: 'con',
  DIVINATION: 'div',
  ENCHANTMENT: 'enc',
  EVOCATION: 'evo',
  ILLUSION: 'ill',
  NECROMANCY: 'nec',
  TRANSMUTATION: 'trs',
};

export const ARMOR_CATEGORY_KEYS: Record<ArmorCategory, string> = { LIGHT: 'light', MEDIUM: 'medium', HEAVY: 'heavy', SHIELD: 'shield' };

/** The system's base item of each SRD armour: its own spelling (one word, lower case; studded leather is "studded"). */
export const ARMOR_BASE_ITEMS = Object.fromEntries(
  (Object.keys(ARMOR) as ArmorType[]).map((armor) => [armor, armor === 'STUDDED_LEATHER' ? 'studded' : armor.toLowerCase().replaceAll('_', '')]),
) as Record<ArmorType, string>;

/** The system's base item of each SRD weapon: the name in one lower-case word ("lightcrossbow", "warpick"). */
export const WEAPON_BASE_ITEMS = Object.fromEntries(WEAPON_TYPES.map((weapon) => [weapon, weapon.toLowerCase().replaceAll('_', '')])) as Record<
  WeaponType,
  string
>;

/** "HILL_DWARF" -> "hill-dwarf": the slug the system's identifiers use. */
export const slug = (value: string) => value.toLowerCase().replaceAll('_', '-');
/** "HILL_DWARF" -> "Hill Dwarf". */
export const title = (value: string) =>
  value
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

const reverse = <K extends string>(keys: readonly K[], name: (key: K) => string) => new Map(keys.map((key) => [name(key), key]));

const CLASS_BY_ID = reverse(CHARACTER_CLASSES, slug);
const SUBCLASS_BY_ID = reverse(SUBCLASSES, slug);
const RACE_BY_ID = reverse(RACES, slug);
const CONDITION_BY_STATUS = reverse(CONDITIONS, (condition) => condition.toLowerCase());
const ALIGNMENT_BY_LABEL = reverse(ALIGNMENTS, (alignment) => title(alignment).toLowerCase());
const ARMOR_BY_BASE = reverse(Object.keys(ARMOR) as ArmorType[], (armor) => ARMOR_BASE_ITEMS[armor]);
const WEAPON_BY_BASE = reverse(WEAPON_TYPES, (weapon) => WEAPON_BASE_ITEMS[weapon]);

/** Names and identifiers are matched in any case and with spaces, hyphens or underscores alike. */
const normal = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

export const classOf = (identifier: string): CharacterClass | undefined => CLASS_BY_ID.get(normal(identifier));
export const subclassOf = (identifier: string): Subclass | undefined => SUBCLASS_BY_ID.get(normal(identifier));
export const raceOf = (identifier: string): Race | undefined => RACE_BY_ID.get(normal(identifier));
export const conditionOf = (status: string): Condition | undefined => CONDITION_BY_STATUS.get(status.trim().toLowerCase());
export const armorOf = (baseItem: string): ArmorType | undefined => ARMOR_BY_BASE.get(baseItem.trim().toLowerCase());
export const weaponOf = (baseItem: string): WeaponType | undefined => WEAPON_BY_BASE.get(baseItem.trim().toLowerCase());

/** "Lawful Good"; the system's sheets also write true neutral as "True Neutral". */
export const alignmentLabel = (alignment: Alignment) => title(alignment);
export function alignmentOf(label: string): Alignment | undefined {
  const key = label.trim().toLowerCase().replace(/\s+/g, ' ');
  return ALIGNMENT_BY_LABEL.get(key === 'true neutral' ? 'neutral' : key);
}
