import { abilityModifier, type Ability, type AbilityScores } from './abilities.js';
import type { CharacterClass } from './classes.js';
import {
  isMonkWeapon,
  MELEE_REACH,
  REACH_PROPERTY_BONUS,
  WEAPONS,
  type DamageType,
  type WeaponProperty,
  type WeaponRange,
  type WeaponType,
} from './weapons.js';

export interface AttackDamage {
  dice: string;
  modifier: number;
  type: DamageType;
}

export interface Attack {
  name: string;
  /** Null for the unarmed strike. */
  weapon: WeaponType | null;
  ability: Ability;
  proficient: boolean;
  attackBonus: number;
  /** Armour worn without proficiency: disadvantage on every attack roll that uses Strength or Dexterity. */
  disadvantage: boolean;
  damage: AttackDamage | null;
  versatileDamage: AttackDamage | null;
  properties: readonly WeaponProperty[];
  /** Melee reach in feet; null for ranged weapons. */
  reach: number | null;
  range: WeaponRange | null;
}

/** An equipped weapon line: the item's name, the weapon it is, and how many are in hand. */
export interface EquippedWeapon {
  name: string;
  weapon: WeaponType;
  quantity: number;
}

export interface AttackInput {
  characterClass: CharacterClass;
  level: number;
  proficiencyBonus: number;
  scores: AbilityScores;
  /** One per equipped weapon line. */
  weapons: readonly EquippedWeapon[];
  proficientWeapons: readonly WeaponType[];
  wearsBodyArmor: boolean;
  shield: boolean;
  fightingStyles: readonly string[];
  armorPenalty: boolean;
}

// SRD 5.1 Fighting Style: Archery, +2 to attack rolls with ranged weapons; Dueling, +2 damage with a one-handed melee weapon.
const ARCHERY_BONUS = 2;
const DUELING_BONUS = 2;
// SRD 5.1 Monk table, Martial Arts column: d4 from 1st level, d6 from 5th, d8 from 11th, d10 from 17th.
const MARTIAL_ARTS_DIE: readonly [fromLevel: number, die: number][] = [
  [17, 10],
  [11, 8],
  [5, 6],
  [1, 4],
];
// SRD 5.1 Extra Attack: the levels at which a class gains one more attack per Attack action.
const EXTRA_ATTACK_LEVELS: Partial<Record<CharacterClass, readonly number[]>> = {
  FIGHTER: [5, 11, 20],
  BARBARIAN: [5],
  MONK: [5],
  PALADIN: [5],
  RANGER: [5],
};

export function martialArtsDie(level: number): number {
  return MARTIAL_ARTS_DIE.find(([from]) => level >= from)?.[1] ?? 4;
}

/** Attacks when taking the Attack action: 1 plus every Extra Attack gained by this level. */
export function attacksPerAction(characterClass: CharacterClass, level: number): number {
  return 1 + (EXTRA_ATTACK_LEVELS[characterClass] ?? []).filter((from) => level >= from).length;
}

/** Average roll of 'NdM' (or a flat number), to keep the larger of a weapon's die and the Martial Arts die. */
function average(dice: string): number {
  const [count, sides] = dice.split('d').map(Number);
  return sides === undefined ? (count ?? 0) : (count ?? 0) * ((sides + 1) / 2);
}

/**
 * Derived attack lines: one per equipped weapon, then the unarmed strike. Ability: Strength for melee, Dexterity for
 * ranged, the better of the two for finesse (and, under Martial Arts, for monk weapons and unarmed strikes).
 */
export function attacks(input: AttackInput): Attack[] {
  const mod = (ability: Ability) => abilityModifier(input.scores[ability]);
  const better: Ability = mod('DEXTERITY') > mod('STRENGTH') ? 'DEXTERITY' : 'STRENGTH';
  // SRD 5.1 Martial Arts works "while you are unarmed or wielding only monk weapons and you aren't wearing armor or wielding a shield".
  const martialArts = input.characterClass === 'MONK' && !input.wearsBodyArmor && !input.shield && input.weapons.every((line) => isMonkWeapon(line.weapon));
  const martialDie = `1d${martialArtsDie(input.level)}`;
  const archery = input.fightingStyles.includes('ARCHERY');
  const dueling = input.fightingStyles.includes('DUELING');
  // Dueling and a versatile grip need the weapon to be the only one in hand: an equipped line of two daggers is two weapons.
  const alone = input.weapons.reduce((sum, line) => sum + line.quantity, 0) === 1;

  const lines = input.weapons.map(({ name, weapon }): Attack => {
    const rules = WEAPONS[weapon];
    const has = (property: WeaponProperty) => rules.properties.includes(property);
    const monkWeapon = martialArts && isMonkWeapon(weapon);
    const ability: Ability = has('FINESSE') || monkWeapon ? better : rules.kind === 'RANGED' ? 'DEXTERITY' : 'STRENGTH';
    const proficient = input.proficientWeapons.includes(weapon);
    const ranged = rules.kind === 'RANGED';
    const oneHandedMelee = !ranged && !has('TWO_HANDED');
    const modifier = mod(ability);
    const dice = rules.damage && monkWeapon && average(martialDie) > average(rules.damage.dice) ? martialDie : rules.damage?.dice;
    return {
      name,
      weapon,
      ability,
      proficient,
      attackBonus: modifier + (proficient ? input.proficiencyBonus : 0) + (ranged && archery ? ARCHERY_BONUS : 0),
      disadvantage: input.armorPenalty,
      damage: rules.damage && dice ? { dice, modifier: modifier + (dueling && oneHandedMelee && alone ? DUELING_BONUS : 0), type: rules.damage.type } : null,
      // SRD "Versatile": the larger die needs both hands, so no shield and no other weapon.
      versatileDamage: rules.versatileDie && rules.damage && !input.shield && alone ? { dice: rules.versatileDie, modifier, type: rules.damage.type } : null,
      properties: rules.properties,
      reach: ranged ? null : MELEE_REACH + (has('REACH') ? REACH_PROPERTY_BONUS : 0),
      range: rules.range,
    };
  });

  // SRD "Unarmed strike": everyone is proficient; it deals 1 + Strength modifier bludgeoning (Martial Arts: its die + DEX or STR).
  const unarmedAbility: Ability = martialArts ? better : 'STRENGTH';
  const unarmed: Attack = {
    name: 'Unarmed strike',
    weapon: null,
    ability: unarmedAbility,
    proficient: true,
    attackBonus: mod(unarmedAbility) + input.proficiencyBonus,
    disadvantage: input.armorPenalty,
    damage: { dice: martialArts ? martialDie : '1', modifier: mod(unarmedAbility), type: 'BLUDGEONING' },
    versatileDamage: null,
    properties: [],
    reach: MELEE_REACH,
    range: null,
  };
  return [...lines, unarmed];
}
