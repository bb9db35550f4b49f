import type { CharacterClass } from './classes.js';
import type { Subclass } from './subclasses.js';

/** The six fighting styles of SRD 5.1 (Fighter: Fighting Style). */
export const FIGHTING_STYLES = ['ARCHERY', 'DEFENSE', 'DUELING', 'GREAT_WEAPON_FIGHTING', 'PROTECTION', 'TWO_WEAPON_FIGHTING'] as const;
export type FightingStyle = (typeof FIGHTING_STYLES)[number];

export function isFightingStyle(value: string): value is FightingStyle {
  return (FIGHTING_STYLES as readonly string[]).includes(value);
}

/** One Fighting Style feature of a class: the class level it arrives at and the styles it offers. */
export interface FightingStyleGrant {
  level: number;
  from: readonly FightingStyle[];
  /** The feature that grants it, for messages. */
  feature: string;
  /** Only with this subclass (Champion: Additional Fighting Style); null for the class's own feature. */
  subclass: Subclass | null;
}

/**
 * SRD 5.1: Fighter Fighting Style at 1 (all six), Paladin Fighting Style at 2 (no Archery, no Two-Weapon Fighting),
 * Ranger Fighting Style at 2 (no Great Weapon Fighting, no Protection), Champion Additional Fighting Style at 10.
 */
export const FIGHTING_STYLE_GRANTS: Partial<Record<CharacterClass, readonly FightingStyleGrant[]>> = {
  FIGHTER: [
    { level: 1, from: FIGHTING_STYLES, feature: 'Fighting Style', subclass: null },
    { level: 10, from: FIGHTING_STYLES, feature: 'Additional Fighting Style', subclass: 'CHAMPION' },
  ],
  PALADIN: [{ level: 2, from: ['DEFENSE', 'DUELING', 'GREAT_WEAPON_FIGHTING', 'PROTECTION'], feature: 'Fighting Style', subclass: null }],
  RANGER: [{ level: 2, from: ['ARCHERY', 'DEFENSE', 'DUELING', 'TWO_WEAPON_FIGHTING'], feature: 'Fighting Style', subclass: null }],
};

// SRD 5.1 Fighting Style, Defense: "While you are wearing armor, you gain a +1 bonus to AC."
export const DEFENSE_ARMOR_CLASS_BONUS = 1;
// SRD 5.1 Fighting Style, Archery: "+2 bonus to attack rolls you make with ranged weapons."
export const ARCHERY_ATTACK_BONUS = 2;
// SRD 5.1 Fighting Style, Dueling: "+2 bonus to damage rolls" with a melee weapon in one hand and no other weapon.
export const DUELING_DAMAGE_BONUS = 2;

/** The Fighting Style features a character of this class, subclass and level has. */
export function fightingStyleGrants(characterClass: CharacterClass, subclass: Subclass | null, level: number): FightingStyleGrant[] {
  return (FIGHTING_STYLE_GRANTS[characterClass] ?? []).filter((grant) => grant.level <= level && (grant.subclass === null || grant.subclass === subclass));
}
