import { describe, expect, it } from 'vitest';
import type { AbilityScores } from './abilities.js';
import { computeSheet, type CharacterBuild } from './character-sheet.js';
import { EMPTY_BUILD } from '../testing/character-build.js';

const scores = (STRENGTH: number, DEXTERITY: number, CONSTITUTION: number, INTELLIGENCE: number, WISDOM: number, CHARISMA: number): AbilityScores => ({
  STRENGTH,
  DEXTERITY,
  CONSTITUTION,
  INTELLIGENCE,
  WISDOM,
  CHARISMA,
});

function build(overrides: Partial<CharacterBuild> & Pick<CharacterBuild, 'race' | 'characterClass' | 'baseScores'>): CharacterBuild {
  return {
    ...EMPTY_BUILD,
    ...overrides,
  };
}

const skill = (sheet: ReturnType<typeof computeSheet>, name: string) => sheet.skills.find((s) => s.skill === name);
const save = (sheet: ReturnType<typeof computeSheet>, name: string) => sheet.abilities.find((a) => a.ability === name)?.savingThrow;

describe('hand-computed character sheets', () => {
  it('level 5 hill dwarf fighter in chain mail and shield', () => {
    const sheet = computeSheet(
      build({
        race: 'HILL_DWARF',
        characterClass: 'FIGHTER',
        baseScores: scores(15, 12, 14, 10, 12, 8),
        experience: 6500,
        skillProficiencies: ['ATHLETICS', 'PERCEPTION'],
        equippedArmor: ['CHAIN_MAIL', 'SHIELD'],
      }),
    );
    // CON 14+2 = 16 (+3), WIS 12+1 = 13 (+1).
    expect(sheet.scores).toEqual(scores(15, 12, 16, 10, 13, 8));
    expect(sheet.level).toBe(5);
    expect(sheet.proficiencyBonus).toBe(3);
    // Level 1: 10 + 3 + 1 (dwarven toughness) = 14; levels 2-5: average 6 + 3 + 1 = 10 each.
    expect(sheet.maxHitPoints).toBe(54);
    // Chain mail 16 (no DEX) + shield 2; STR 15 meets its 13.
    expect(sheet.armorClass).toBe(18);
    expect(sheet.armor).toEqual({ armor: 'CHAIN_MAIL', meetsStrengthRequirement: true });
    expect(sheet.speed).toBe(25);
    expect(sheet.initiative).toBe(1);
    expect(skill(sheet, 'ATHLETICS')).toEqual({ skill: 'ATHLETICS', ability: 'STRENGTH', proficient: true, expertise: false, bonus: 5 });
    expect(skill(sheet, 'STEALTH')?.bonus).toBe(1);
    expect(sheet.passivePerception).toBe(14);
    expect(save(sheet, 'STRENGTH')).toEqual({ ability: 'STRENGTH', proficient: true, bonus: 5 });
    expect(save(sheet, 'CONSTITUTION')?.bonus).toBe(6);
    expect(save(sheet, 'WISDOM')).toEqual({ ability: 'WISDOM', proficient: false, bonus: 1 });
    expect(sheet.spellcasting).toBeNull();
    expect(sheet.experienceToNextLevel).toBe(7500);
    expect(sheet.hitDie).toBe(10);
  });

  it('uses stored rolls per level instead of the average', () => {
    const sheet = computeSheet(
      build({
        race: 'HILL_DWARF',
        characterClass: 'FIGHTER',
        baseScores: scores(15, 12, 14, 10, 12, 8),
        experience: 6500,
        hitPointRolls: [7, 3, 10, 1],
      }),
    );
    // 14 + (7+3+1) + (3+3+1) + (10+3+1) + (1+3+1)
    expect(sheet.maxHitPoints).toBe(51);
    expect(sheet.hitPointLevels.map((l) => [l.level, l.dieValue, l.rolled, l.hitPoints])).toEqual([
      [1, 10, false, 14],
      [2, 7, true, 11],
      [3, 3, true, 7],
      [4, 10, true, 14],
      [5, 1, true, 5],
    ]);
  });

  it('level 3 high elf wizard, unarmored', () => {
    const sheet = computeSheet(
      build({
        race: 'HIGH_ELF',
        characterClass: 'WIZARD',
        baseScores: scores(8, 14, 13, 15, 12, 10),
        experience: 900,
        skillProficiencies: ['ARCANA', 'HISTORY'],
      }),
    );
    expect(sheet.scores).toEqual(scores(8, 16, 13, 16, 12, 10));
    expect(sheet.level).toBe(3);
    expect(sheet.armorClass).toBe(13);
    // 6 + 1, then (4 + 1) twice.
    expect(sheet.maxHitPoints).toBe(17);
    expect(sheet.spellcasting).toEqual({
      ability: 'INTELLIGENCE',
      spellSaveDC: 13,
      spellAttackBonus: 5,
      slots: [
        { level: 1, total: 4 },
        { level: 2, total: 2 },
      ],
      pactSlots: null,
      canCast: true,
      cannotCastReason: null,
    });
    expect(skill(sheet, 'ARCANA')?.bonus).toBe(5);
    expect(save(sheet, 'INTELLIGENCE')?.bonus).toBe(5);
    expect(save(sheet, 'WISDOM')?.bonus).toBe(3);
    expect(sheet.initiative).toBe(3);
  });

  it('level 7 tiefling warlock in leather', () => {
    const sheet = computeSheet(
      build({
        race: 'TIEFLING',
        characterClass: 'WARLOCK',
        baseScores: scores(8, 14, 14, 12, 10, 15),
        experience: 23000,
        equippedArmor: ['LEATHER'],
      }),
    );
    expect(sheet.level).toBe(7);
    expect(sheet.proficiencyBonus).toBe(3);
    // CHA 15+2 = 17 (+3): DC 8+3+3, attack 3+3; pact magic: two 4th-level slots.
    expect(sheet.spellcasting).toEqual({
      ability: 'CHARISMA',
      spellSaveDC: 14,
      spellAttackBonus: 6,
      slots: [],
      pactSlots: { count: 2, level: 4 },
      canCast: true,
      cannotCastReason: null,
    });
    expect(sheet.armorClass).toBe(13);
    // 8 + 2, then six levels of 5 + 2.
    expect(sheet.maxHitPoints).toBe(52);
  });

  it('level 1 half-orc barbarian with Unarmored Defense, with and without a shield', () => {
    const base = {
      race: 'HALF_ORC',
      characterClass: 'BARBARIAN',
      baseScores: scores(15, 14, 14, 8, 10, 10),
      skillProficiencies: ['PERCEPTION', 'ATHLETICS'],
    } as const;
    const bare = computeSheet(build(base));
    // DEX 14 (+2), CON 14+1 = 15 (+2): 10 + 2 + 2.
    expect(bare.armorClass).toBe(14);
    expect(bare.maxHitPoints).toBe(14);
    expect(bare.passivePerception).toBe(12);
    expect(skill(bare, 'ATHLETICS')?.bonus).toBe(5);
    expect(computeSheet(build({ ...base, equippedArmor: ['SHIELD'] })).armorClass).toBe(16);
    // Armour replaces Unarmored Defense: hide 12 + 2.
    expect(computeSheet(build({ ...base, equippedArmor: ['HIDE'] })).armorClass).toBe(14);
  });

  it('monk Unarmored Defense works only without a shield', () => {
    const base = { race: 'HUMAN', characterClass: 'MONK', baseScores: scores(10, 15, 12, 10, 15, 8), experience: 300 } as const;
    // Human: DEX 16 (+3), WIS 16 (+3).
    expect(computeSheet(build(base)).armorClass).toBe(16);
    expect(computeSheet(build({ ...base, equippedArmor: ['SHIELD'] })).armorClass).toBe(15);
    expect(computeSheet(build(base)).spellcasting).toBeNull();
  });

  it('medium armour caps DEX at +2, heavy armour ignores it and slows the weak', () => {
    const dexterous = scores(10, 18, 10, 10, 10, 10);
    expect(computeSheet(build({ race: 'HALF_ORC', characterClass: 'RANGER', baseScores: dexterous, equippedArmor: ['HALF_PLATE'] })).armorClass).toBe(17);
    expect(computeSheet(build({ race: 'HALF_ORC', characterClass: 'RANGER', baseScores: dexterous, equippedArmor: ['STUDDED_LEATHER'] })).armorClass).toBe(16);
    const weak = computeSheet(build({ race: 'HUMAN', characterClass: 'FIGHTER', baseScores: dexterous, equippedArmor: ['PLATE'] }));
    expect(weak.armorClass).toBe(18);
    expect(weak.armor).toEqual({ armor: 'PLATE', meetsStrengthRequirement: false });
    expect(weak.speed).toBe(20);
    // Dwarves keep their speed in heavy armour.
    expect(computeSheet(build({ race: 'HILL_DWARF', characterClass: 'FIGHTER', baseScores: dexterous, equippedArmor: ['PLATE'] })).speed).toBe(25);
  });

  it('applies half-elf chosen increases', () => {
    const sheet = computeSheet(
      build({
        race: 'HALF_ELF',
        characterClass: 'BARD',
        baseScores: scores(10, 14, 12, 10, 10, 15),
        abilityBonusChoices: ['DEXTERITY', 'CONSTITUTION'],
      }),
    );
    expect(sheet.scores).toEqual(scores(10, 15, 13, 10, 10, 17));
    expect(sheet.abilities.find((a) => a.ability === 'CHARISMA')).toMatchObject({ baseScore: 15, racialBonus: 2, score: 17, modifier: 3 });
    expect(sheet.spellcasting?.spellSaveDC).toBe(13);
  });

  it('paladins cast from level 2', () => {
    const base = { race: 'DRAGONBORN', characterClass: 'PALADIN', baseScores: scores(15, 10, 14, 8, 10, 14) } as const;
    expect(computeSheet(build(base)).spellcasting).toBeNull();
    // CHA 14+1 = 15 (+2).
    expect(computeSheet(build({ ...base, experience: 300 })).spellcasting).toEqual({
      ability: 'CHARISMA',
      spellSaveDC: 12,
      spellAttackBonus: 4,
      slots: [{ level: 1, total: 2 }],
      pactSlots: null,
      canCast: true,
      cannotCastReason: null,
    });
  });

  it('never gives less than 1 hit point per level', () => {
    // CON 3 (-4) on a d6: level 1 gives max(1, 6-4) = 2, later levels max(1, 4-4) = 1.
    const sheet = computeSheet(build({ race: 'HIGH_ELF', characterClass: 'WIZARD', baseScores: scores(8, 8, 3, 8, 8, 8), experience: 900 }));
    expect(sheet.maxHitPoints).toBe(4);
  });
});
