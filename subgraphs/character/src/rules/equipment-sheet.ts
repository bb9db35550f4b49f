import type { Ability, AbilityScores } from './abilities.js';
import { ARMOR, type ArmorCategory, type ArmorType } from './armor.js';
import { attacks, attacksPerAction, type Attack, type EquippedWeapon } from './attacks.js';
import type { CharacterClass } from './classes.js';
import { equipmentProficiencies } from './proficiencies.js';
import type { Race } from './races.js';
import type { WeaponType } from './weapons.js';

/** SRD 5.1 Armor Proficiency: what wearing armour without proficiency costs. */
export interface ArmorPenalty {
  /** The worn armour (or shield) the character is not proficient with. */
  items: ArmorType[];
  /** Disadvantage on ability checks, saving throws and attack rolls that use these abilities. */
  disadvantageAbilities: Ability[];
}

export interface EquipmentSheet {
  armorProficiencies: ArmorCategory[];
  weaponProficiencies: WeaponType[];
  armorProficient: boolean;
  armorPenalty: ArmorPenalty | null;
  attacks: Attack[];
  attacksPerAction: number;
}

export interface EquipmentBuild {
  race: Race;
  characterClass: CharacterClass;
  subclass: string | null;
  fightingStyles: readonly string[];
  equippedArmor: readonly ArmorType[];
  equippedWeapons: readonly EquippedWeapon[];
}

// SRD 5.1: "disadvantage on any ability check, saving throw, or attack roll that involves Strength or Dexterity".
const PENALIZED_ABILITIES: Ability[] = ['STRENGTH', 'DEXTERITY'];

/** What a sheet says about the equipment: proficiencies, the penalty of unproficient armour, attacks. */
export function equipmentSheet(build: EquipmentBuild, level: number, proficiencyBonus: number, scores: AbilityScores): EquipmentSheet {
  const proficiencies = equipmentProficiencies(build);
  // The SRD's rule speaks of armour; a shield is armour in the SRD's table, so it counts the same (shields are a proficiency of their own).
  const unproficient = build.equippedArmor.filter((armor) => !proficiencies.armor.includes(ARMOR[armor].category));
  const armorPenalty = unproficient.length ? { items: unproficient, disadvantageAbilities: PENALIZED_ABILITIES } : null;
  return {
    armorProficiencies: proficiencies.armor,
    weaponProficiencies: proficiencies.weapons,
    armorProficient: !armorPenalty,
    armorPenalty,
    attacks: attacks({
      characterClass: build.characterClass,
      level,
      proficiencyBonus,
      scores,
      weapons: build.equippedWeapons,
      proficientWeapons: proficiencies.weapons,
      wearsBodyArmor: build.equippedArmor.some((armor) => ARMOR[armor].category !== 'SHIELD'),
      shield: build.equippedArmor.includes('SHIELD'),
      fightingStyles: build.fightingStyles,
      armorPenalty: !!armorPenalty,
    }),
    attacksPerAction: attacksPerAction(build.characterClass, level),
  };
}
