/**
 * Facts of the SRD 5.1 equipment rules that src/rules/weapons.ts and src/rules/proficiencies.ts must agree with,
 * written down literally (not computed) so that src/rules/equipment-cross-check.test.ts runs on any clone. Read off
 * the SRD's weapons table, the class tables' Proficiencies lines, the racial traits (Dwarven Combat Training, Elf
 * Weapon Training), the Life Domain's Bonus Proficiency, the monk's Martial Arts column and Extra Attack. The SRD 5.1
 * is Wizards of the Coast's, under CC-BY-4.0: see the README's "Licence of the rules content".
 */

/**
 * Each weapon: category, melee or ranged, damage dice ('1' for the blowgun's flat 1, '' for the net, which deals
 * none), damage type, properties (alphabetical, 'monk' marks the monk weapons), weight in pounds, normal and long
 * range in feet (the thrown range for a thrown melee weapon; 0 when none), versatile die ('' when not versatile).
 */
export const SRD_WEAPONS: Record<
  string,
  [category: string, range: string, dice: string, type: string, properties: string, weight: number, normal: number, long: number, versatile: string]
> = {
  CLUB: ['SIMPLE', 'MELEE', '1d4', 'BLUDGEONING', 'light,monk', 2, 0, 0, ''],
  DAGGER: ['SIMPLE', 'MELEE', '1d4', 'PIERCING', 'finesse,light,monk,thrown', 1, 20, 60, ''],
  GREATCLUB: ['SIMPLE', 'MELEE', '1d8', 'BLUDGEONING', 'two-handed', 10, 0, 0, ''],
  HANDAXE: ['SIMPLE', 'MELEE', '1d6', 'SLASHING', 'light,monk,thrown', 2, 20, 60, ''],
  JAVELIN: ['SIMPLE', 'MELEE', '1d6', 'PIERCING', 'monk,thrown', 2, 30, 120, ''],
  LIGHT_HAMMER: ['SIMPLE', 'MELEE', '1d4', 'BLUDGEONING', 'light,monk,thrown', 2, 20, 60, ''],
  MACE: ['SIMPLE', 'MELEE', '1d6', 'BLUDGEONING', 'monk', 4, 0, 0, ''],
  QUARTERSTAFF: ['SIMPLE', 'MELEE', '1d6', 'BLUDGEONING', 'monk,versatile', 4, 0, 0, '1d8'],
  SICKLE: ['SIMPLE', 'MELEE', '1d4', 'SLASHING', 'light,monk', 2, 0, 0, ''],
  SPEAR: ['SIMPLE', 'MELEE', '1d6', 'PIERCING', 'monk,thrown,versatile', 3, 20, 60, '1d8'],
  LIGHT_CROSSBOW: ['SIMPLE', 'RANGED', '1d8', 'PIERCING', 'ammunition,loading,two-handed', 5, 80, 320, ''],
  DART: ['SIMPLE', 'RANGED', '1d4', 'PIERCING', 'finesse,thrown', 0.25, 20, 60, ''],
  SHORTBOW: ['SIMPLE', 'RANGED', '1d6', 'PIERCING', 'ammunition,two-handed', 2, 80, 320, ''],
  SLING: ['SIMPLE', 'RANGED', '1d4', 'BLUDGEONING', 'ammunition', 0, 30, 120, ''],
  BATTLEAXE: ['MARTIAL', 'MELEE', '1d8', 'SLASHING', 'versatile', 4, 0, 0, '1d10'],
  FLAIL: ['MARTIAL', 'MELEE', '1d8', 'BLUDGEONING', '', 2, 0, 0, ''],
  GLAIVE: ['MARTIAL', 'MELEE', '1d10', 'SLASHING', 'heavy,reach,two-handed', 6, 0, 0, ''],
  GREATAXE: ['MARTIAL', 'MELEE', '1d12', 'SLASHING', 'heavy,two-handed', 7, 0, 0, ''],
  GREATSWORD: ['MARTIAL', 'MELEE', '2d6', 'SLASHING', 'heavy,two-handed', 6, 0, 0, ''],
  HALBERD: ['MARTIAL', 'MELEE', '1d10', 'SLASHING', 'heavy,reach,two-handed', 6, 0, 0, ''],
  LANCE: ['MARTIAL', 'MELEE', '1d12', 'PIERCING', 'reach,special', 6, 0, 0, ''],
  LONGSWORD: ['MARTIAL', 'MELEE', '1d8', 'SLASHING', 'versatile', 3, 0, 0, '1d10'],
  MAUL: ['MARTIAL', 'MELEE', '2d6', 'BLUDGEONING', 'heavy,two-handed', 10, 0, 0, ''],
  MORNINGSTAR: ['MARTIAL', 'MELEE', '1d8', 'PIERCING', '', 4, 0, 0, ''],
  PIKE: ['MARTIAL', 'MELEE', '1d10', 'PIERCING', 'heavy,reach,two-handed', 18, 0, 0, ''],
  RAPIER: ['MARTIAL', 'MELEE', '1d8', 'PIERCING', 'finesse', 2, 0, 0, ''],
  SCIMITAR: ['MARTIAL', 'MELEE', '1d6', 'SLASHING', 'finesse,light', 3, 0, 0, ''],
  SHORTSWORD: ['MARTIAL', 'MELEE', '1d6', 'PIERCING', 'finesse,light,monk', 2, 0, 0, ''],
  TRIDENT: ['MARTIAL', 'MELEE', '1d6', 'PIERCING', 'thrown,versatile', 4, 20, 60, '1d8'],
  WAR_PICK: ['MARTIAL', 'MELEE', '1d8', 'PIERCING', '', 2, 0, 0, ''],
  WARHAMMER: ['MARTIAL', 'MELEE', '1d8', 'BLUDGEONING', 'versatile', 2, 0, 0, '1d10'],
  WHIP: ['MARTIAL', 'MELEE', '1d4', 'SLASHING', 'finesse,reach', 3, 0, 0, ''],
  BLOWGUN: ['MARTIAL', 'RANGED', '1', 'PIERCING', 'ammunition,loading', 1, 25, 100, ''],
  HAND_CROSSBOW: ['MARTIAL', 'RANGED', '1d6', 'PIERCING', 'ammunition,light,loading', 3, 30, 120, ''],
  HEAVY_CROSSBOW: ['MARTIAL', 'RANGED', '1d10', 'PIERCING', 'ammunition,heavy,loading,two-handed', 18, 100, 400, ''],
  LONGBOW: ['MARTIAL', 'RANGED', '1d8', 'PIERCING', 'ammunition,heavy,two-handed', 2, 150, 600, ''],
  NET: ['MARTIAL', 'RANGED', '', '', 'special,thrown', 3, 5, 15, ''],
};

/** Each class's armour and weapon proficiencies as its table lists them ('ALL_ARMOR', 'SHIELDS', 'SIMPLE_WEAPONS', named weapons in the plural). */
export const SRD_CLASS_EQUIPMENT_PROFICIENCIES: Record<string, string[]> = {
  BARBARIAN: ['LIGHT_ARMOR', 'MEDIUM_ARMOR', 'SHIELDS', 'SIMPLE_WEAPONS', 'MARTIAL_WEAPONS'],
  BARD: ['LIGHT_ARMOR', 'SIMPLE_WEAPONS', 'LONGSWORDS', 'RAPIERS', 'SHORTSWORDS', 'HAND_CROSSBOWS'],
  CLERIC: ['LIGHT_ARMOR', 'MEDIUM_ARMOR', 'SHIELDS', 'SIMPLE_WEAPONS'],
  DRUID: [
    'LIGHT_ARMOR',
    'MEDIUM_ARMOR',
    'SHIELDS',
    'CLUBS',
    'DAGGERS',
    'JAVELINS',
    'MACES',
    'QUARTERSTAFFS',
    'SICKLES',
    'SPEARS',
    'DARTS',
    'SLINGS',
    'SCIMITARS',
  ],
  FIGHTER: ['ALL_ARMOR', 'SHIELDS', 'SIMPLE_WEAPONS', 'MARTIAL_WEAPONS'],
  MONK: ['SIMPLE_WEAPONS', 'SHORTSWORDS'],
  PALADIN: ['ALL_ARMOR', 'SHIELDS', 'SIMPLE_WEAPONS', 'MARTIAL_WEAPONS'],
  RANGER: ['LIGHT_ARMOR', 'MEDIUM_ARMOR', 'SHIELDS', 'SIMPLE_WEAPONS', 'MARTIAL_WEAPONS'],
  ROGUE: ['LIGHT_ARMOR', 'SIMPLE_WEAPONS', 'LONGSWORDS', 'RAPIERS', 'SHORTSWORDS', 'HAND_CROSSBOWS'],
  SORCERER: ['DAGGERS', 'DARTS', 'SLINGS', 'QUARTERSTAFFS', 'CROSSBOWS_LIGHT'],
  WARLOCK: ['LIGHT_ARMOR', 'SIMPLE_WEAPONS'],
  WIZARD: ['DAGGERS', 'DARTS', 'SLINGS', 'QUARTERSTAFFS', 'CROSSBOWS_LIGHT'],
};

/** Racial traits that grant weapon or armour proficiencies (Traits.json), by the race of our table that has them. */
export const SRD_RACE_EQUIPMENT_PROFICIENCIES: Record<string, string[]> = {
  // Dwarven Combat Training
  HILL_DWARF: ['BATTLEAXES', 'HANDAXES', 'LIGHT_HAMMERS', 'WARHAMMERS'],
  // Elf Weapon Training
  HIGH_ELF: ['LONGSWORDS', 'SHORTSWORDS', 'SHORTBOWS', 'LONGBOWS'],
};

/** Life Domain, Bonus Proficiency (1st level): heavy armour. No other SRD subclass grants armour or weapons. */
export const SRD_SUBCLASS_EQUIPMENT_PROFICIENCIES: Record<string, string[]> = { LIFE: ['HEAVY_ARMOR'] };

/** Monk table, Martial Arts column: the die (d4 -> 4) at levels 1-20. */
export const SRD_MARTIAL_ARTS_DIE = [4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 8, 8, 8, 8, 8, 8, 10, 10, 10, 10];

/** Fighter table, Extra Attack column: extra attacks at levels 1-20 (attacks per Attack action = 1 + this). */
export const SRD_FIGHTER_EXTRA_ATTACKS = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3];

/** Levels at which each class gains an Extra Attack feature (Features.json). */
export const SRD_EXTRA_ATTACK_LEVELS: Record<string, number[]> = { BARBARIAN: [5], FIGHTER: [5, 11, 20], MONK: [5], PALADIN: [5], RANGER: [5] };
