/**
 * Cross-checks the rules tables against the SRD 5.1's facts as the repository writes them down
 * (src/testing/srd-5.1-facts.ts): every class at every level, plus races, armour and skills. Nothing outside the
 * repository is read, so the check runs on every clone.
 */
import { describe, expect, it } from 'vitest';
import { SRD_ARMOR, SRD_CLASSES, SRD_PROFICIENCY_BONUS, SRD_RACES, SRD_SKILLS, SRD_SPELL_SLOTS } from '../testing/srd-5.1-facts.js';
import { ABILITIES } from './abilities.js';
import { ARMOR } from './armor.js';
import { CHARACTER_CLASSES, CLASSES } from './classes.js';
import { proficiencyBonus } from './progression.js';
import { RACE_RULES } from './races.js';
import { SKILL_ABILITIES, SKILLS } from './skills.js';
import { spellSlots } from './spell-slots.js';

describe('tables agree with the SRD 5.1', () => {
  it('has all 12 classes with their hit die, saving throws and spellcasting ability', () => {
    expect([...CHARACTER_CLASSES].sort()).toEqual(Object.keys(SRD_CLASSES).sort());
    for (const [name, srd] of Object.entries(SRD_CLASSES)) {
      const ours = CLASSES[name as keyof typeof CLASSES];
      expect([name, ours.hitDie, [...ours.savingThrows].sort(), ours.spellcasting?.ability ?? null]).toEqual([
        name,
        srd.hitDie,
        [...srd.saves].sort(),
        srd.spellcasting,
      ]);
    }
  });

  it('matches proficiency bonus and spell slots for 12 classes x 20 levels', () => {
    let checked = 0;
    for (const characterClass of CHARACTER_CLASSES) {
      for (let level = 1; level <= 20; level++) {
        expect([characterClass, level, proficiencyBonus(level)]).toEqual([characterClass, level, SRD_PROFICIENCY_BONUS[level - 1]]);
        const ours = spellSlots(characterClass, level);
        const oursFlat = Array.from({ length: 9 }, () => 0);
        for (const slot of ours?.slots ?? []) oursFlat[slot.level - 1] = slot.total;
        if (ours?.pactSlots) oursFlat[ours.pactSlots.level - 1] = ours.pactSlots.count;
        expect([characterClass, level, oursFlat.join('')]).toEqual([characterClass, level, SRD_SPELL_SLOTS[characterClass]![level - 1]]);
        checked++;
      }
    }
    expect(checked).toBe(240);
  });

  it('matches racial ability score increases (race + subrace) and speed', () => {
    expect(Object.keys(RACE_RULES).sort()).toEqual(Object.keys(SRD_RACES).sort());
    for (const [race, srd] of Object.entries(SRD_RACES)) {
      const ours = RACE_RULES[race as keyof typeof RACE_RULES];
      expect([race, ours.abilityBonuses, ours.speed]).toEqual([race, srd.bonuses, srd.speed]);
    }
  });

  it('matches the armour table', () => {
    expect(Object.keys(ARMOR).sort()).toEqual(Object.keys(SRD_ARMOR).sort());
    for (const [name, srd] of Object.entries(SRD_ARMOR)) {
      const ours = ARMOR[name as keyof typeof ARMOR];
      // Dexterity by category, as armor.ts applies it: light all of it, medium up to +2, heavy and shields none.
      const dex = ours.category === 'LIGHT' ? true : ours.category === 'MEDIUM' ? 2 : false;
      expect([name, ours.category, ours.baseArmorClass, dex, ours.strengthRequirement, ours.stealthDisadvantage, ours.weight]).toEqual([name, ...srd]);
    }
  });

  it('matches the 18 skills and their abilities', () => {
    expect([...SKILLS].sort()).toEqual(Object.keys(SRD_SKILLS).sort());
    for (const [skill, ability] of Object.entries(SRD_SKILLS))
      expect([skill, SKILL_ABILITIES[skill as keyof typeof SKILL_ABILITIES]]).toEqual([skill, ability]);
    expect(ABILITIES).toHaveLength(6);
  });
});
