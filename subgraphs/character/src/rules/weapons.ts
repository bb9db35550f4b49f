export type WeaponCategory = 'SIMPLE' | 'MARTIAL';
export type WeaponKind = 'MELEE' | 'RANGED';
export type DamageType = 'BLUDGEONING' | 'PIERCING' | 'SLASHING';
export type WeaponProperty = 'AMMUNITION' | 'FINESSE' | 'HEAVY' | 'LIGHT' | 'LOADING' | 'REACH' | 'SPECIAL' | 'THROWN' | 'TWO_HANDED' | 'VERSATILE';

export interface WeaponRange {
  /** Feet within which the attack is normal. */
  normal: number;
  /** Feet out to which it can be made with disadvantage. */
  long: number;
}

export interface WeaponRules {
  category: WeaponCategory;
  kind: WeaponKind;
  /** Damage dice ('1d8'; the blowgun's flat '1') and type; null for the net, which deals no damage. */
  damage: { dice: string; type: DamageType } | null;
  properties: readonly WeaponProperty[];
  /** Pounds per weapon: an inventory line that is this weapon always weighs this. */
  weight: number;
  /** Ranged weapons: the ammunition or thrown range; thrown melee weapons: their thrown range; else null. */
  range: WeaponRange | null;
  /** Versatile: the damage die when wielded with two hands. */
  versatileDie: string | null;
}

type Row = [
  category: WeaponCategory,
  kind: WeaponKind,
  dice: string | null,
  type: DamageType | null,
  weight: number,
  properties?: WeaponProperty[],
  range?: [number, number],
  versatile?: string,
];

// Compact rows of the SRD 5.1 weapons table (Equipment.json, category "Weapon"): one weapon a line, as the SRD prints it.
const ROWS = {
  CLUB: ['SIMPLE', 'MELEE', '1d4', 'BLUDGEONING', 2, ['LIGHT']],
  DAGGER: ['SIMPLE', 'MELEE', '1d4', 'PIERCING', 1, ['FINESSE', 'LIGHT', 'THROWN'], [20, 60]],
  GREATCLUB: ['SIMPLE', 'MELEE', '1d8', 'BLUDGEONING', 10, ['TWO_HANDED']],
  HANDAXE: ['SIMPLE', 'MELEE', '1d6', 'SLASHING', 2, ['LIGHT', 'THROWN'], [20, 60]],
  JAVELIN: ['SIMPLE', 'MELEE', '1d6', 'PIERCING', 2, ['THROWN'], [30, 120]],
  LIGHT_HAMMER: ['SIMPLE', 'MELEE', '1d4', 'BLUDGEONING', 2, ['LIGHT', 'THROWN'], [20, 60]],
  MACE: ['SIMPLE', 'MELEE', '1d6', 'BLUDGEONING', 4],
  QUARTERSTAFF: ['SIMPLE', 'MELEE', '1d6', 'BLUDGEONING', 4, ['VERSATILE'], undefined, '1d8'],
  SICKLE: ['SIMPLE', 'MELEE', '1d4', 'SLASHING', 2, ['LIGHT']],
  SPEAR: ['SIMPLE', 'MELEE', '1d6', 'PIERCING', 3, ['THROWN', 'VERSATILE'], [20, 60], '1d8'],
  LIGHT_CROSSBOW: ['SIMPLE', 'RANGED', '1d8', 'PIERCING', 5, ['AMMUNITION', 'LOADING', 'TWO_HANDED'], [80, 320]],
  DART: ['SIMPLE', 'RANGED', '1d4', 'PIERCING', 0.25, ['FINESSE', 'THROWN'], [20, 60]],
  SHORTBOW: ['SIMPLE', 'RANGED', '1d6', 'PIERCING', 2, ['AMMUNITION', 'TWO_HANDED'], [80, 320]],
  SLING: ['SIMPLE', 'RANGED', '1d4', 'BLUDGEONING', 0, ['AMMUNITION'], [30, 120]],
  BATTLEAXE: ['MARTIAL', 'MELEE', '1d8', 'SLASHING', 4, ['VERSATILE'], undefined, '1d10'],
  FLAIL: ['MARTIAL', 'MELEE', '1d8', 'BLUDGEONING', 2],
  GLAIVE: ['MARTIAL', 'MELEE', '1d10', 'SLASHING', 6, ['HEAVY', 'REACH', 'TWO_HANDED']],
  GREATAXE: ['MARTIAL', 'MELEE', '1d12', 'SLASHING', 7, ['HEAVY', 'TWO_HANDED']],
  GREATSWORD: ['MARTIAL', 'MELEE', '2d6', 'SLASHING', 6, ['HEAVY', 'TWO_HANDED']],
  HALBERD: ['MARTIAL', 'MELEE', '1d10', 'SLASHING', 6, ['HEAVY', 'REACH', 'TWO_HANDED']],
  LANCE: ['MARTIAL', 'MELEE', '1d12', 'PIERCING', 6, ['REACH', 'SPECIAL']],
  LONGSWORD: ['MARTIAL', 'MELEE', '1d8', 'SLASHING', 3, ['VERSATILE'], undefined, '1d10'],
  MAUL: ['MARTIAL', 'MELEE', '2d6', 'BLUDGEONING', 10, ['HEAVY', 'TWO_HANDED']],
  MORNINGSTAR: ['MARTIAL', 'MELEE', '1d8', 'PIERCING', 4],
  PIKE: ['MARTIAL', 'MELEE', '1d10', 'PIERCING', 18, ['HEAVY', 'REACH', 'TWO_HANDED']],
  RAPIER: ['MARTIAL', 'MELEE', '1d8', 'PIERCING', 2, ['FINESSE']],
  SCIMITAR: ['MARTIAL', 'MELEE', '1d6', 'SLASHING', 3, ['FINESSE', 'LIGHT']],
  SHORTSWORD: ['MARTIAL', 'MELEE', '1d6', 'PIERCING', 2, ['FINESSE', 'LIGHT']],
  TRIDENT: ['MARTIAL', 'MELEE', '1d6', 'PIERCING', 4, ['THROWN', 'VERSATILE'], [20, 60], '1d8'],
  WAR_PICK: ['MARTIAL', 'MELEE', '1d8', 'PIERCING', 2],
  WARHAMMER: ['MARTIAL', 'MELEE', '1d8', 'BLUDGEONING', 2, ['VERSATILE'], undefined, '1d10'],
  WHIP: ['MARTIAL', 'MELEE', '1d4', 'SLASHING', 3, ['FINESSE', 'REACH']],
  BLOWGUN: ['MARTIAL', 'RANGED', '1', 'PIERCING', 1, ['AMMUNITION', 'LOADING'], [25, 100]],
  HAND_CROSSBOW: ['MARTIAL', 'RANGED', '1d6', 'PIERCING', 3, ['AMMUNITION', 'LIGHT', 'LOADING'], [30, 120]],
  HEAVY_CROSSBOW: ['MARTIAL', 'RANGED', '1d10', 'PIERCING', 18, ['AMMUNITION', 'HEAVY', 'LOADING', 'TWO_HANDED'], [100, 400]],
  LONGBOW: ['MARTIAL', 'RANGED', '1d8', 'PIERCING', 2, ['AMMUNITION', 'HEAVY', 'TWO_HANDED'], [150, 600]],
  // The net deals no damage: a creature it hits is restrained (its "special" property).
  NET: ['MARTIAL', 'RANGED', null, null, 3, ['SPECIAL', 'THROWN'], [5, 15]],
} as const satisfies Record<string, Row>;

export type WeaponType = keyof typeof ROWS;
export const WEAPON_TYPES = Object.keys(ROWS) as WeaponType[];

function rulesOf([category, kind, dice, type, weight, properties = [], range, versatile]: Row): WeaponRules {
  return {
    category,
    kind,
    damage: dice && type ? { dice, type } : null,
    properties,
    weight,
    range: range ? { normal: range[0], long: range[1] } : null,
    versatileDie: versatile ?? null,
  };
}

/** SRD 5.1 weapons table. */
export const WEAPONS = Object.fromEntries(WEAPON_TYPES.map((type) => [type, rulesOf(ROWS[type] as Row)])) as Record<WeaponType, WeaponRules>;

export const isWeaponType = (value: unknown): value is WeaponType => typeof value === 'string' && Object.hasOwn(ROWS, value);

/** SRD 5.1 Monk, Martial Arts: "monk weapons, which are shortswords and any simple melee weapons that don't have the two-handed or heavy property". */
export function isMonkWeapon(weapon: WeaponType): boolean {
  const rules = WEAPONS[weapon];
  if (weapon === 'SHORTSWORD') return true;
  return rules.category === 'SIMPLE' && rules.kind === 'MELEE' && !rules.properties.includes('TWO_HANDED') && !rules.properties.includes('HEAVY');
}

// SRD "Reach": the property adds 5 feet to the 5-foot reach of a melee attack.
export const MELEE_REACH = 5;
export const REACH_PROPERTY_BONUS = 5;
