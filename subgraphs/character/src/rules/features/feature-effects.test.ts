/** Hand-computed sheets for every feature whose number the sheet applies (SRD 5.1 rules named in each test). */
import { describe, expect, it } from 'vitest';
import type { Ability, AbilityScores } from '../abilities.js';
import { computeSheet, type CharacterBuild } from '../character-sheet.js';
import { EMPTY_BUILD } from '../../testing/character-build.js';

// Experience at the start of a level (SRD advancement table).
const XP = { 2: 300, 3: 900, 5: 6500, 6: 14000, 7: 23000, 13: 120000, 14: 140000, 15: 165000, 18: 265000, 20: 355000 } as const;

const scores = (STRENGTH: number, DEXTERITY: number, CONSTITUTION: number, INTELLIGENCE: number, WISDOM: number, CHARISMA: number): AbilityScores => ({
  STRENGTH,
  DEXTERITY,
  CONSTITUTION,
  INTELLIGENCE,
  WISDOM,
  CHARISMA,
});

// Humans get +1 to every score, so base 15 reads as 16 (+3) on the sheet.
function sheet(overrides: Partial<CharacterBuild> & Pick<CharacterBuild, 'characterClass'>) {
  return computeSheet({
    race: 'HUMAN',
    baseScores: scores(15, 13, 13, 9, 11, 9),
    ...EMPTY_BUILD,
    ...overrides,
  });
}
const skill = (s: ReturnType<typeof sheet>, name: string) => s.skills.find((line) => line.skill === name)!.bonus;
const save = (s: ReturnType<typeof sheet>, ability: Ability) => s.abilities.find((line) => line.ability === ability)!.savingThrow;

describe('features applied to the sheet', () => {
  it('Barbarian Fast Movement: level 5 speed 40, but 30 in heavy armour and 30 at level 4', () => {
    expect(sheet({ characterClass: 'BARBARIAN', experience: XP[5] }).speed).toBe(40);
    expect(sheet({ characterClass: 'BARBARIAN', experience: XP[5], equippedArmor: ['PLATE'] }).speed).toBe(30);
    // Medium armour keeps it: only heavy armour takes it away.
    expect(sheet({ characterClass: 'BARBARIAN', experience: XP[5], equippedArmor: ['HIDE', 'SHIELD'] }).speed).toBe(40);
    expect(sheet({ characterClass: 'BARBARIAN', experience: XP[5] - 1 }).speed).toBe(30);
  });

  it('Barbarian Primal Champion: level 20 STR and CON +4, to a maximum of 24', () => {
    // Base 19 STR, 15 CON; human 20, 16; +4: 24 and 20.
    const champion = sheet({ characterClass: 'BARBARIAN', experience: XP[20], baseScores: scores(19, 13, 15, 9, 11, 9) });
    expect([champion.scores.STRENGTH, champion.scores.CONSTITUTION, champion.scores.DEXTERITY]).toEqual([24, 20, 14]);
    // 22 + 4 would be 26: the cap is 24.
    const capped = sheet({ characterClass: 'BARBARIAN', experience: XP[20], baseScores: scores(21, 13, 15, 9, 11, 9) });
    expect(capped.scores.STRENGTH).toBe(24);
    expect(sheet({ characterClass: 'BARBARIAN', experience: XP[20] - 1, baseScores: scores(19, 13, 15, 9, 11, 9) }).scores.STRENGTH).toBe(20);
  });

  it('Bard Jack of All Trades: level 2 adds +1 (half of +2) to checks without proficiency, initiative included', () => {
    const bard = sheet({ characterClass: 'BARD', experience: XP[2], skillProficiencies: ['PERFORMANCE'] });
    // DEX 14 (+2): stealth 2 + 1; initiative 2 + 1. CHA 10 (+0): proficient performance 0 + 2, no extra.
    expect([skill(bard, 'STEALTH'), bard.initiative, skill(bard, 'PERFORMANCE')]).toEqual([3, 3, 2]);
    const level1 = sheet({ characterClass: 'BARD', skillProficiencies: ['PERFORMANCE'] });
    expect([skill(level1, 'STEALTH'), level1.initiative]).toEqual([2, 2]);
    // Saving throws are not ability checks.
    expect(save(bard, 'STRENGTH').bonus).toBe(3);
  });

  it('Champion Remarkable Athlete: level 7 adds +2 (half of +3, rounded up) to STR/DEX/CON checks without proficiency', () => {
    const champion = sheet({ characterClass: 'FIGHTER', subclass: 'CHAMPION', experience: XP[7], skillProficiencies: ['PERCEPTION'] });
    // STR 16 (+3): athletics 3 + 2. DEX 14 (+2): acrobatics and initiative 2 + 2. WIS 12 (+1): insight stays 1.
    expect([skill(champion, 'ATHLETICS'), skill(champion, 'ACROBATICS'), champion.initiative, skill(champion, 'INSIGHT')]).toEqual([5, 4, 4, 1]);
    const plainFighter = sheet({ characterClass: 'FIGHTER', experience: XP[7] });
    expect([skill(plainFighter, 'ATHLETICS'), plainFighter.initiative]).toEqual([3, 2]);
  });

  it('Champion Improved and Superior Critical: critical hits on 19-20 from level 3, 18-20 from level 15', () => {
    expect(sheet({ characterClass: 'FIGHTER', experience: XP[3] - 1 }).criticalRange).toBe(20);
    expect(sheet({ characterClass: 'FIGHTER', subclass: 'CHAMPION', experience: XP[3] }).criticalRange).toBe(19);
    expect(sheet({ characterClass: 'FIGHTER', subclass: 'CHAMPION', experience: XP[15] }).criticalRange).toBe(18);
  });

  it('Monk Diamond Soul: level 14 is proficient in every saving throw', () => {
    const monk = sheet({ characterClass: 'MONK', experience: XP[14] });
    // Proficiency +5; INT 10 (+0), CHA 10 (+0).
    expect(monk.abilities.every((line) => line.savingThrow.proficient)).toBe(true);
    expect([save(monk, 'INTELLIGENCE').bonus, save(monk, 'CHARISMA').bonus]).toEqual([5, 5]);
    expect(save(sheet({ characterClass: 'MONK', experience: XP[13] }), 'INTELLIGENCE')).toEqual({ ability: 'INTELLIGENCE', proficient: false, bonus: 0 });
  });

  it('Monk Unarmored Movement: +10 ft at level 2, +25 ft at 14, none with armour or a shield', () => {
    expect(sheet({ characterClass: 'MONK', experience: XP[2] }).speed).toBe(40);
    expect(sheet({ characterClass: 'MONK', experience: XP[14] }).speed).toBe(55);
    expect(sheet({ characterClass: 'MONK', experience: XP[14], equippedArmor: ['SHIELD'] }).speed).toBe(30);
    expect(sheet({ characterClass: 'MONK', experience: XP[14], equippedArmor: ['LEATHER'] }).speed).toBe(30);
  });

  it('Rogue Slippery Mind: level 15 is proficient in Wisdom saves; Blindsense lists a 10 ft sense', () => {
    const rogue = sheet({ characterClass: 'ROGUE', experience: XP[15] });
    // Proficiency +5, WIS 12 (+1).
    expect(save(rogue, 'WISDOM')).toEqual({ ability: 'WISDOM', proficient: true, bonus: 6 });
    expect(save(sheet({ characterClass: 'ROGUE', experience: XP[14] }), 'WISDOM').proficient).toBe(false);
    expect(rogue.senses).toEqual([{ name: 'Blindsense', range: 10 }]);
  });

  it('Paladin Aura of Protection: level 6 adds the Charisma modifier to every save, 10 ft aura, 30 ft at 18', () => {
    const paladin = sheet({ characterClass: 'PALADIN', experience: XP[6], baseScores: scores(15, 13, 13, 9, 11, 15) });
    // Proficiency +3, CHA 16 (+3). WIS save (proficient): 1 + 3 + 3; STR save (not proficient): 3 + 3; INT save: 0 + 3.
    expect([save(paladin, 'WISDOM').bonus, save(paladin, 'STRENGTH').bonus, save(paladin, 'INTELLIGENCE').bonus]).toEqual([7, 6, 3]);
    expect(paladin.auras).toEqual([{ name: 'Aura of Protection', range: 10, effect: '+3 to saving throws' }]);
    // CHA 10 (+0): the bonus is at least +1.
    const plain = sheet({ characterClass: 'PALADIN', experience: XP[6] });
    expect(save(plain, 'STRENGTH').bonus).toBe(3 + 1);
    expect(save(sheet({ characterClass: 'PALADIN', experience: XP[6] - 1 }), 'STRENGTH').bonus).toBe(3);
    const devoted = sheet({ characterClass: 'PALADIN', subclass: 'DEVOTION', experience: XP[18] });
    expect(devoted.auras.map((aura) => [aura.name, aura.range])).toEqual([
      ['Aura of Protection', 30],
      ['Aura of Devotion', 30],
      ['Aura of Courage', 30],
    ]);
  });

  it('Draconic Resilience: +1 hit point per sorcerer level, unarmoured AC 13 + DEX (a shield adds, armour replaces it)', () => {
    // CON 14 (+2). Level 1: 6 + 2 + 1; levels 2-3: average 4 + 2 + 1 each.
    const draconic = sheet({ characterClass: 'SORCERER', subclass: 'DRACONIC', experience: XP[3] });
    expect([draconic.maxHitPoints, sheet({ characterClass: 'SORCERER', experience: XP[3] }).maxHitPoints]).toEqual([23, 20]);
    // DEX 14 (+2): 13 + 2, against 10 + 2 without the bloodline.
    expect(draconic.armorClass).toBe(15);
    expect(sheet({ characterClass: 'SORCERER', subclass: 'DRACONIC', equippedArmor: ['SHIELD'] }).armorClass).toBe(17);
    expect(sheet({ characterClass: 'SORCERER', subclass: 'DRACONIC', equippedArmor: ['LEATHER'] }).armorClass).toBe(13);
  });

  it('racial Darkvision: 60 ft for a high elf, no senses for a human', () => {
    expect(sheet({ characterClass: 'WIZARD', race: 'HIGH_ELF' }).senses).toEqual([{ name: 'Darkvision', range: 60 }]);
    expect(sheet({ characterClass: 'WIZARD' }).senses).toEqual([]);
  });

  it('lists features in level order with the value at the level: a level 5 rogue has 3d6 Sneak Attack', () => {
    const rogue = sheet({ characterClass: 'ROGUE', subclass: 'THIEF', race: 'LIGHTFOOT_HALFLING', experience: XP[5] });
    expect(rogue.features.map((feature) => feature.level)).toEqual([...rogue.features.map((feature) => feature.level)].sort((a, b) => a - b));
    expect(rogue.features.find((feature) => feature.name === 'Sneak Attack')).toMatchObject({ source: 'CLASS', sourceName: 'Rogue', level: 1, value: '3d6' });
    expect(rogue.features.find((feature) => feature.name === 'Fast Hands')).toMatchObject({ source: 'SUBCLASS', sourceName: 'Thief', level: 3, value: null });
    expect(rogue.features.find((feature) => feature.name === 'Lucky')).toMatchObject({ source: 'RACE', sourceName: 'Lightfoot Halfling', level: 1 });
  });
});
