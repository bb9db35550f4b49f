/**
 * Cross-checks the project's own tables against the machine-readable SRD 5.1 (shared/reference beside the
 * clone): every class at every level, plus races, armour and skills. Read here only, never at run time.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../lib/config/paths.js';
import { ABILITIES, type Ability } from './abilities.js';
import { ARMOR, type ArmorType } from './armor.js';
import { CHARACTER_CLASSES, CLASSES } from './classes.js';
import { proficiencyBonus } from './progression.js';
import { RACE_RULES, type Race } from './races.js';
import { SKILL_ABILITIES, SKILLS } from './skills.js';
import { spellSlots } from './spell-slots.js';

const SRD_DIR = path.resolve(repoRoot, '..', 'shared', 'reference', 'srd-5.1');

function load<T>(file: string): T {
  const full = path.join(SRD_DIR, file);
  if (!existsSync(full)) throw new Error(`SRD reference file missing: ${full} (shared/reference must sit beside the clone)`);
  return JSON.parse(readFileSync(full, 'utf8')) as T;
}

interface Ref { index: string }
interface SrdClass { index: string; hit_die: number; saving_throws: Ref[]; spellcasting?: { spellcasting_ability: Ref } }
interface SrdLevel { level: number; prof_bonus: number; class: Ref; subclass?: Ref; spellcasting?: Record<string, number> }
interface SrdRace { index: string; ability_bonuses: { ability_score: Ref; bonus: number }[]; speed?: number }
interface SrdArmor { index: string; equipment_category: Ref; armor_category?: string; armor_class?: { base: number; dex_bonus: boolean; max_bonus?: number }; str_minimum?: number; stealth_disadvantage?: boolean; weight?: number }

const ABILITY_BY_SRD: Record<string, Ability> = {
  str: 'STRENGTH', dex: 'DEXTERITY', con: 'CONSTITUTION', int: 'INTELLIGENCE', wis: 'WISDOM', cha: 'CHARISMA',
};
const ability = (ref: Ref): Ability => ABILITY_BY_SRD[ref.index] ?? (ref.index as Ability);
const enumName = (index: string) => index.toUpperCase().replaceAll('-', '_');

describe('tables agree with the SRD 5.1 reference', () => {
  const classes = load<SrdClass[]>('Classes.json');
  const levels = load<SrdLevel[]>('Levels.json').filter((row) => !row.subclass);

  it('has all 12 classes with their hit die, saving throws and spellcasting ability', () => {
    expect(classes.map((c) => enumName(c.index)).sort()).toEqual([...CHARACTER_CLASSES].sort());
    for (const srd of classes) {
      const ours = CLASSES[enumName(srd.index) as keyof typeof CLASSES];
      expect([srd.index, ours.hitDie]).toEqual([srd.index, srd.hit_die]);
      expect([srd.index, [...ours.savingThrows].sort()]).toEqual([srd.index, srd.saving_throws.map(ability).sort()]);
      const srdAbility = srd.spellcasting ? ability(srd.spellcasting.spellcasting_ability) : null;
      expect([srd.index, ours.spellcasting?.ability ?? null]).toEqual([srd.index, srdAbility]);
    }
  });

  it('matches proficiency bonus and spell slots for 12 classes x 20 levels', () => {
    let checked = 0;
    for (const characterClass of CHARACTER_CLASSES) {
      for (let level = 1; level <= 20; level++) {
        const row = levels.find((l) => l.class.index === characterClass.toLowerCase() && l.level === level);
        if (!row) throw new Error(`Levels.json has no row for ${characterClass} ${level}`);
        expect([characterClass, level, proficiencyBonus(level)]).toEqual([characterClass, level, row.prof_bonus]);
        const srdSlots = Array.from({ length: 9 }, (_, i) => row.spellcasting?.[`spell_slots_level_${i + 1}`] ?? 0);
        const ours = spellSlots(characterClass, level);
        const oursFlat = Array.from({ length: 9 }, () => 0);
        for (const slot of ours?.slots ?? []) oursFlat[slot.level - 1] = slot.total;
        // The SRD lists warlock pact slots in the column of their slot level.
        if (ours?.pactSlots) oursFlat[ours.pactSlots.level - 1] = ours.pactSlots.count;
        expect([characterClass, level, oursFlat]).toEqual([characterClass, level, srdSlots]);
        checked++;
      }
    }
    expect(checked).toBe(240);
  });

  it('matches racial ability score increases (race + subrace) and speed', () => {
    const races = load<SrdRace[]>('Races.json');
    const subraces = load<(SrdRace & { race: Ref })[]>('Subraces.json');
    const ourRace: Record<string, Race> = {
      dragonborn: 'DRAGONBORN', dwarf: 'HILL_DWARF', elf: 'HIGH_ELF', gnome: 'ROCK_GNOME', 'half-elf': 'HALF_ELF',
      'half-orc': 'HALF_ORC', halfling: 'LIGHTFOOT_HALFLING', human: 'HUMAN', tiefling: 'TIEFLING',
    };
    expect(races.map((r) => ourRace[r.index]).sort()).toEqual(Object.keys(RACE_RULES).sort());
    for (const race of races) {
      const ours = RACE_RULES[ourRace[race.index] as Race];
      const expected: Partial<Record<Ability, number>> = {};
      const bonuses = [...race.ability_bonuses, ...subraces.filter((s) => s.race.index === race.index).flatMap((s) => s.ability_bonuses)];
      for (const bonus of bonuses) expected[ability(bonus.ability_score)] = (expected[ability(bonus.ability_score)] ?? 0) + bonus.bonus;
      expect([race.index, ours.abilityBonuses]).toEqual([race.index, expected]);
      expect([race.index, ours.speed]).toEqual([race.index, race.speed]);
    }
  });

  it('matches the armour table', () => {
    const armor = load<SrdArmor[]>('Equipment.json').filter((item) => item.equipment_category.index === 'armor');
    const name = (index: string) => enumName(index.replace(/-armor$/, '')) as ArmorType;
    expect(armor.map((a) => name(a.index)).sort()).toEqual(Object.keys(ARMOR).sort());
    for (const srd of armor) {
      const ours = ARMOR[name(srd.index)];
      expect([srd.index, ours.category]).toEqual([srd.index, srd.armor_category?.toUpperCase()]);
      expect([srd.index, ours.baseArmorClass, ours.strengthRequirement, ours.stealthDisadvantage, ours.weight]).toEqual([
        srd.index, srd.armor_class?.base, srd.str_minimum ?? 0, srd.stealth_disadvantage ?? false, srd.weight,
      ]);
      const dexRule = ours.category === 'LIGHT' ? { dex: true, max: undefined } : ours.category === 'MEDIUM' ? { dex: true, max: 2 } : { dex: false, max: undefined };
      expect([srd.index, dexRule]).toEqual([srd.index, { dex: srd.armor_class?.dex_bonus, max: srd.armor_class?.max_bonus }]);
    }
  });

  it('matches the 18 skills and their abilities', () => {
    const skills = load<{ index: string; ability_score: Ref }[]>('Skills.json');
    expect(skills).toHaveLength(18);
    expect(SKILLS).toHaveLength(18);
    for (const skill of skills) expect([skill.index, SKILL_ABILITIES[enumName(skill.index) as keyof typeof SKILL_ABILITIES]]).toEqual([skill.index, ability(skill.ability_score)]);
    expect(ABILITIES).toHaveLength(6);
  });
});
