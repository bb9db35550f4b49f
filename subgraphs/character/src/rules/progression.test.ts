import { describe, expect, it } from 'vitest';
import { CHARACTER_CLASSES } from './classes.js';
import { experienceRange, experienceToNextLevel, levelFromExperience, proficiencyBonus, XP_THRESHOLDS } from './progression.js';

// The SRD "Character Advancement" table, written out by hand as the expectation.
const ADVANCEMENT = [
  [0, 2],
  [300, 2],
  [900, 2],
  [2700, 2],
  [6500, 3],
  [14000, 3],
  [23000, 3],
  [34000, 3],
  [48000, 4],
  [64000, 4],
  [85000, 4],
  [100000, 4],
  [120000, 5],
  [140000, 5],
  [165000, 5],
  [195000, 5],
  [225000, 6],
  [265000, 6],
  [305000, 6],
  [355000, 6],
] as const;

describe('character advancement', () => {
  for (const [index, [threshold, bonus]] of ADVANCEMENT.entries()) {
    const level = index + 1;
    it(`level ${level}: starts at ${threshold} XP with proficiency +${bonus} for every class`, () => {
      expect(XP_THRESHOLDS[index]).toBe(threshold);
      expect(levelFromExperience(threshold)).toBe(level);
      if (level > 1) expect(levelFromExperience(threshold - 1)).toBe(level - 1);
      for (const characterClass of CHARACTER_CLASSES) expect([characterClass, proficiencyBonus(level)]).toEqual([characterClass, bonus]);
    });
  }

  it('stops at level 20 however much experience there is', () => {
    expect(levelFromExperience(10_000_000)).toBe(20);
    expect(experienceToNextLevel(355000)).toBeNull();
  });

  it('counts the experience still needed for the next level', () => {
    expect(experienceToNextLevel(0)).toBe(300);
    expect(experienceToNextLevel(6600)).toBe(7400);
  });

  it('gives each level an experience range for SQL filters', () => {
    expect(experienceRange(1)).toEqual({ min: 0, max: 300 });
    expect(experienceRange(5)).toEqual({ min: 6500, max: 14000 });
    expect(experienceRange(20)).toEqual({ min: 355000, max: null });
  });
});
