import type { ArmorCategory } from './armor.js';
import type { CharacterClass } from './classes.js';
import type { Race } from './races.js';
import { WEAPONS, WEAPON_TYPES, type WeaponCategory, type WeaponType } from './weapons.js';

interface EquipmentGrant {
  armor: readonly ArmorCategory[];
  /** Whole categories of weapons. */
  weaponCategories: readonly WeaponCategory[];
  /** Named weapons beyond the categories. */
  weapons: readonly WeaponType[];
}

const ALL_ARMOR = ['LIGHT', 'MEDIUM', 'HEAVY', 'SHIELD'] as const;
const LIGHT_MEDIUM_SHIELD = ['LIGHT', 'MEDIUM', 'SHIELD'] as const;
const SIMPLE_AND_MARTIAL = ['SIMPLE', 'MARTIAL'] as const;
// Bard and rogue share their weapon list; sorcerer and wizard theirs.
const BARD_ROGUE_WEAPONS = ['LONGSWORD', 'RAPIER', 'SHORTSWORD', 'HAND_CROSSBOW'] as const;
const ARCANE_WEAPONS = ['DAGGER', 'DART', 'SLING', 'QUARTERSTAFF', 'LIGHT_CROSSBOW'] as const;

/** SRD 5.1 class tables, "Proficiencies": armour and weapons (tools and saving throws live elsewhere). */
export const CLASS_EQUIPMENT_PROFICIENCIES: Record<CharacterClass, EquipmentGrant> = {
  BARBARIAN: { armor: LIGHT_MEDIUM_SHIELD, weaponCategories: SIMPLE_AND_MARTIAL, weapons: [] },
  BARD: { armor: ['LIGHT'], weaponCategories: ['SIMPLE'], weapons: BARD_ROGUE_WEAPONS },
  CLERIC: { armor: LIGHT_MEDIUM_SHIELD, weaponCategories: ['SIMPLE'], weapons: [] },
  DRUID: {
    armor: LIGHT_MEDIUM_SHIELD,
    weaponCategories: [],
    weapons: ['CLUB', 'DAGGER', 'DART', 'JAVELIN', 'MACE', 'QUARTERSTAFF', 'SCIMITAR', 'SICKLE', 'SLING', 'SPEAR'],
  },
  FIGHTER: { armor: ALL_ARMOR, weaponCategories: SIMPLE_AND_MARTIAL, weapons: [] },
  MONK: { armor: [], weaponCategories: ['SIMPLE'], weapons: ['SHORTSWORD'] },
  PALADIN: { armor: ALL_ARMOR, weaponCategories: SIMPLE_AND_MARTIAL, weapons: [] },
  RANGER: { armor: LIGHT_MEDIUM_SHIELD, weaponCategories: SIMPLE_AND_MARTIAL, weapons: [] },
  ROGUE: { armor: ['LIGHT'], weaponCategories: ['SIMPLE'], weapons: BARD_ROGUE_WEAPONS },
  SORCERER: { armor: [], weaponCategories: [], weapons: ARCANE_WEAPONS },
  WARLOCK: { armor: ['LIGHT'], weaponCategories: ['SIMPLE'], weapons: [] },
  WIZARD: { armor: [], weaponCategories: [], weapons: ARCANE_WEAPONS },
};

/**
 * SRD 5.1 racial traits that grant weapons: Dwarven Combat Training (hill dwarf) and Elf Weapon Training (high elf).
 * No SRD race grants armour (the Mountain Dwarf's Dwarven Armor Training is not in the SRD).
 */
export const RACE_WEAPON_PROFICIENCIES: Partial<Record<Race, readonly WeaponType[]>> = {
  HILL_DWARF: ['BATTLEAXE', 'HANDAXE', 'LIGHT_HAMMER', 'WARHAMMER'],
  HIGH_ELF: ['LONGSWORD', 'SHORTSWORD', 'SHORTBOW', 'LONGBOW'],
};

/** SRD 5.1 Life Domain, Bonus Proficiency (1st level, when the domain is chosen): heavy armour. */
export const SUBCLASS_ARMOR_PROFICIENCIES: Record<string, readonly ArmorCategory[]> = {
  LIFE: ['HEAVY'],
};

export interface EquipmentProficiencies {
  /** Armour categories (SHIELD for shields), in the order LIGHT, MEDIUM, HEAVY, SHIELD. */
  armor: ArmorCategory[];
  /** Every weapon of the table the character is proficient with, in table order. */
  weapons: WeaponType[];
}

/** Subclass is free text today (an enum later): compared upper-cased, so 'Life' and 'LIFE' both count. */
const subclassKey = (subclass: string | null) => subclass?.trim().toUpperCase() ?? '';

/** Armour and weapon proficiencies of a single-class character: class, race and subclass together. */
export function equipmentProficiencies(who: { characterClass: CharacterClass; race: Race; subclass: string | null }): EquipmentProficiencies {
  const grant = CLASS_EQUIPMENT_PROFICIENCIES[who.characterClass];
  const armor = new Set<ArmorCategory>([...grant.armor, ...(SUBCLASS_ARMOR_PROFICIENCIES[subclassKey(who.subclass)] ?? [])]);
  const named = new Set<WeaponType>([...grant.weapons, ...(RACE_WEAPON_PROFICIENCIES[who.race] ?? [])]);
  return {
    armor: ALL_ARMOR.filter((category) => armor.has(category)),
    weapons: WEAPON_TYPES.filter((weapon) => named.has(weapon) || grant.weaponCategories.includes(WEAPONS[weapon].category)),
  };
}
