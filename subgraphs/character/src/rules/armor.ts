import type { Ability, AbilityScores } from './abilities.js';
import { abilityModifier } from './abilities.js';
import { CLASSES, type CharacterClass } from './classes.js';

export type ArmorCategory = 'LIGHT' | 'MEDIUM' | 'HEAVY' | 'SHIELD';

export interface ArmorRules {
  category: ArmorCategory;
  /** Base AC (for a shield: the bonus it adds). */
  baseArmorClass: number;
  /** Heavy armour: below this strength the wearer's speed drops by 10 feet; 0 when none. */
  strengthRequirement: number;
  stealthDisadvantage: boolean;
  /** Pounds, for an inventory item whose weight the player leaves out. */
  weight: number;
}

/** SRD 5.1 armour table (Equipment.json, category "Armor"). */
export const ARMOR = {
  PADDED: { category: 'LIGHT', baseArmorClass: 11, strengthRequirement: 0, stealthDisadvantage: true, weight: 8 },
  LEATHER: { category: 'LIGHT', baseArmorClass: 11, strengthRequirement: 0, stealthDisadvantage: false, weight: 10 },
  STUDDED_LEATHER: { category: 'LIGHT', baseArmorClass: 12, strengthRequirement: 0, stealthDisadvantage: false, weight: 13 },
  HIDE: { category: 'MEDIUM', baseArmorClass: 12, strengthRequirement: 0, stealthDisadvantage: false, weight: 12 },
  CHAIN_SHIRT: { category: 'MEDIUM', baseArmorClass: 13, strengthRequirement: 0, stealthDisadvantage: false, weight: 20 },
  SCALE_MAIL: { category: 'MEDIUM', baseArmorClass: 14, strengthRequirement: 0, stealthDisadvantage: true, weight: 45 },
  BREASTPLATE: { category: 'MEDIUM', baseArmorClass: 14, strengthRequirement: 0, stealthDisadvantage: false, weight: 20 },
  HALF_PLATE: { category: 'MEDIUM', baseArmorClass: 15, strengthRequirement: 0, stealthDisadvantage: true, weight: 40 },
  RING_MAIL: { category: 'HEAVY', baseArmorClass: 14, strengthRequirement: 0, stealthDisadvantage: true, weight: 40 },
  CHAIN_MAIL: { category: 'HEAVY', baseArmorClass: 16, strengthRequirement: 13, stealthDisadvantage: true, weight: 55 },
  SPLINT: { category: 'HEAVY', baseArmorClass: 17, strengthRequirement: 15, stealthDisadvantage: true, weight: 60 },
  PLATE: { category: 'HEAVY', baseArmorClass: 18, strengthRequirement: 15, stealthDisadvantage: true, weight: 65 },
  SHIELD: { category: 'SHIELD', baseArmorClass: 2, strengthRequirement: 0, stealthDisadvantage: false, weight: 6 },
} as const satisfies Record<string, ArmorRules>;

export type ArmorType = keyof typeof ARMOR;
export const ARMOR_TYPES = Object.keys(ARMOR) as ArmorType[];

// SRD: medium armour adds the Dexterity modifier "to a maximum of +2".
const MEDIUM_ARMOR_MAX_DEX = 2;
// SRD "Unarmored": 10 + Dexterity modifier.
const UNARMORED_BASE = 10;

export interface WornArmor {
  /** Body armour (not a shield), or null for none. */
  armor: ArmorType | null;
  shield: boolean;
}

export interface ArmorClassResult {
  armorClass: number;
  /** False when heavy armour is worn below its strength requirement (speed -10 ft). */
  meetsStrengthRequirement: boolean;
  /** Which rule gave the AC, so a sheet can explain the number. */
  formula: 'UNARMORED' | 'UNARMORED_DEFENSE' | 'ARMOR';
}

function bodyArmorClass(armor: ArmorType, dexMod: number): number {
  const rules: ArmorRules = ARMOR[armor];
  switch (rules.category) {
    case 'LIGHT':
      return rules.baseArmorClass + dexMod;
    case 'MEDIUM':
      return rules.baseArmorClass + Math.min(dexMod, MEDIUM_ARMOR_MAX_DEX);
    case 'HEAVY':
    case 'SHIELD':
      return rules.baseArmorClass;
  }
}

function unarmoredDefenseAbility(characterClass: CharacterClass, shield: boolean): Ability | null {
  const defense = CLASSES[characterClass].unarmoredDefense;
  if (!defense || (shield && !defense.shieldAllowed)) return null;
  return defense.ability;
}

/**
 * SRD 5.1 armour class: worn armour, else the best of 10 + DEX and the class's Unarmored Defense
 * (barbarian: + CON, shield allowed; monk: + WIS, only without a shield); a shield adds +2.
 */
export function armorClass(scores: AbilityScores, characterClass: CharacterClass, worn: WornArmor): ArmorClassResult {
  const dexMod = abilityModifier(scores.DEXTERITY);
  const shieldBonus = worn.shield ? ARMOR.SHIELD.baseArmorClass : 0;
  if (worn.armor) {
    const requirement: number = ARMOR[worn.armor].strengthRequirement;
    return {
      armorClass: bodyArmorClass(worn.armor, dexMod) + shieldBonus,
      meetsStrengthRequirement: scores.STRENGTH >= requirement,
      formula: 'ARMOR',
    };
  }
  const plain = UNARMORED_BASE + dexMod;
  const defenseAbility = unarmoredDefenseAbility(characterClass, worn.shield);
  const defense = defenseAbility ? plain + abilityModifier(scores[defenseAbility]) : -Infinity;
  return {
    armorClass: Math.max(plain, defense) + shieldBonus,
    meetsStrengthRequirement: true,
    formula: defense > plain ? 'UNARMORED_DEFENSE' : 'UNARMORED',
  };
}
