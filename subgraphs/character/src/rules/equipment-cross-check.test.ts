/**
 * Cross-checks the equipment tables (weapons, armour and weapon proficiencies, Martial Arts die, Extra Attack) against
 * the SRD 5.1 facts the repository writes down in src/testing/srd-5.1-equipment-facts.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  SRD_CLASS_EQUIPMENT_PROFICIENCIES,
  SRD_EXTRA_ATTACK_LEVELS,
  SRD_FIGHTER_EXTRA_ATTACKS,
  SRD_MARTIAL_ARTS_DIE,
  SRD_RACE_EQUIPMENT_PROFICIENCIES,
  SRD_SUBCLASS_EQUIPMENT_PROFICIENCIES,
  SRD_WEAPONS,
} from '../testing/srd-5.1-equipment-facts.js';
import { attacksPerAction, martialArtsDie } from './attacks.js';
import { CHARACTER_CLASSES } from './classes.js';
import { CLASS_EQUIPMENT_PROFICIENCIES, equipmentProficiencies, RACE_WEAPON_PROFICIENCIES, SUBCLASS_ARMOR_PROFICIENCIES } from './proficiencies.js';
import { RACES } from './races.js';
import { isMonkWeapon, WEAPON_TYPES, WEAPONS, type WeaponType } from './weapons.js';

// The SRD names proficiencies in the plural of its own index ('crossbows-light', 'longswords'); ours are weapon types.
const SRD_WEAPON_NAME: Record<string, WeaponType> = Object.fromEntries(
  WEAPON_TYPES.map((weapon) => [weapon === 'LIGHT_CROSSBOW' ? 'CROSSBOWS_LIGHT' : weapon === 'HAND_CROSSBOW' ? 'HAND_CROSSBOWS' : `${weapon}S`, weapon]),
);
const SRD_ARMOR_NAME: Record<string, string[]> = {
  ALL_ARMOR: ['LIGHT', 'MEDIUM', 'HEAVY'],
  LIGHT_ARMOR: ['LIGHT'],
  MEDIUM_ARMOR: ['MEDIUM'],
  HEAVY_ARMOR: ['HEAVY'],
  SHIELDS: ['SHIELD'],
};

/** Expands an SRD proficiency list into armour categories and weapon types, the way a player reads it. */
function expand(list: readonly string[]): { armor: string[]; weapons: string[] } {
  const armor = list.flatMap((name) => SRD_ARMOR_NAME[name] ?? []);
  const weapons = list.flatMap((name) => {
    if (name === 'SIMPLE_WEAPONS') return Object.keys(SRD_WEAPONS).filter((weapon) => SRD_WEAPONS[weapon]![0] === 'SIMPLE');
    if (name === 'MARTIAL_WEAPONS') return Object.keys(SRD_WEAPONS).filter((weapon) => SRD_WEAPONS[weapon]![0] === 'MARTIAL');
    if (SRD_ARMOR_NAME[name]) return [];
    const weapon = SRD_WEAPON_NAME[name];
    if (!weapon) throw new Error(`unknown SRD proficiency ${name}`);
    return [weapon];
  });
  return { armor: [...new Set(armor)].sort(), weapons: [...new Set(weapons)].sort() };
}

describe('equipment tables agree with the SRD 5.1', () => {
  it('has all 37 weapons with category, kind, damage, properties, weight, range and versatile die', () => {
    expect([...WEAPON_TYPES].sort()).toEqual(Object.keys(SRD_WEAPONS).sort());
    for (const [name, srd] of Object.entries(SRD_WEAPONS)) {
      const ours = WEAPONS[name as WeaponType];
      const properties = [...ours.properties.map((p) => p.toLowerCase().replace('_', '-')), ...(isMonkWeapon(name as WeaponType) ? ['monk'] : [])].sort();
      expect([
        name,
        ours.category,
        ours.kind,
        ours.damage?.dice ?? '',
        ours.damage?.type ?? '',
        properties.join(','),
        ours.weight,
        ours.range?.normal ?? 0,
        ours.range?.long ?? 0,
        ours.versatileDie ?? '',
      ]).toEqual([name, ...srd]);
    }
    expect(WEAPON_TYPES).toHaveLength(37);
  });

  it("gives each class its table's armour and weapon proficiencies", () => {
    expect(Object.keys(CLASS_EQUIPMENT_PROFICIENCIES).sort()).toEqual(Object.keys(SRD_CLASS_EQUIPMENT_PROFICIENCIES).sort());
    for (const characterClass of CHARACTER_CLASSES) {
      // A human has no racial grant and no subclass: the class alone.
      const ours = equipmentProficiencies({ characterClass, race: 'HUMAN', subclass: null });
      const srd = expand(SRD_CLASS_EQUIPMENT_PROFICIENCIES[characterClass]!);
      expect([characterClass, [...ours.armor].sort(), [...ours.weapons].sort()]).toEqual([characterClass, srd.armor, srd.weapons]);
    }
  });

  it('adds racial weapon training and nothing for the other races', () => {
    for (const race of RACES) {
      const srd = SRD_RACE_EQUIPMENT_PROFICIENCIES[race] ?? [];
      expect([race, [...(RACE_WEAPON_PROFICIENCIES[race] ?? [])].sort()]).toEqual([race, expand(srd).weapons]);
      // A wizard knows only five weapons, so the race's grant shows on top of them.
      const wizard = equipmentProficiencies({ characterClass: 'WIZARD', race, subclass: null });
      const expected = new Set([...expand(SRD_CLASS_EQUIPMENT_PROFICIENCIES.WIZARD!).weapons, ...expand(srd).weapons]);
      expect([race, [...wizard.weapons].sort(), wizard.armor]).toEqual([race, [...expected].sort(), []]);
    }
  });

  it('adds heavy armour for the Life Domain only', () => {
    expect(Object.keys(SUBCLASS_ARMOR_PROFICIENCIES)).toEqual(Object.keys(SRD_SUBCLASS_EQUIPMENT_PROFICIENCIES));
    const life = equipmentProficiencies({ characterClass: 'CLERIC', race: 'HUMAN', subclass: 'LIFE' });
    expect(life.armor).toEqual(['LIGHT', 'MEDIUM', 'HEAVY', 'SHIELD']);
    expect(expand(SRD_SUBCLASS_EQUIPMENT_PROFICIENCIES.LIFE!).armor).toEqual(['HEAVY']);
    for (const subclass of ['BERSERKER', 'LORE', 'LAND', 'CHAMPION', 'OPEN_HAND', 'DEVOTION', 'HUNTER', 'THIEF', 'DRACONIC', 'FIEND', 'EVOCATION']) {
      const cleric = equipmentProficiencies({ characterClass: 'CLERIC', race: 'HUMAN', subclass });
      expect([subclass, cleric.armor]).toEqual([subclass, ['LIGHT', 'MEDIUM', 'SHIELD']]);
    }
  });

  it('matches the Martial Arts die and Extra Attack at every level', () => {
    for (let level = 1; level <= 20; level++) {
      expect([level, martialArtsDie(level)]).toEqual([level, SRD_MARTIAL_ARTS_DIE[level - 1]]);
      expect([level, attacksPerAction('FIGHTER', level)]).toEqual([level, 1 + SRD_FIGHTER_EXTRA_ATTACKS[level - 1]!]);
      for (const characterClass of CHARACTER_CLASSES) {
        const gained = (SRD_EXTRA_ATTACK_LEVELS[characterClass] ?? []).filter((from) => level >= from).length;
        expect([characterClass, level, attacksPerAction(characterClass, level)]).toEqual([characterClass, level, 1 + gained]);
      }
    }
  });
});
