import type { InvalidInput } from '#lib/domain/index.js';
import { describe, expect, it } from 'vitest';
import { NEW_CHARACTER_DEFAULTS, type CharacterState } from '../character-state.js';
import { validateChoices } from './choices.js';

// Experience at the start of levels 2, 3, 4, 5, 6, 10 (SRD advancement table).
const XP = { 2: 300, 3: 900, 4: 2700, 5: 6500, 6: 14000, 10: 64000 } as const;

function state(overrides: Partial<CharacterState> = {}): CharacterState {
  return {
    name: 'Test',
    race: 'HUMAN',
    characterClass: 'FIGHTER',
    subclass: null,
    background: null,
    alignment: null,
    baseScores: { STRENGTH: 15, DEXTERITY: 13, CONSTITUTION: 14, INTELLIGENCE: 10, WISDOM: 12, CHARISMA: 8 },
    abilityBonusChoices: [],
    experience: 0,
    hitPointRolls: [],
    currentHitPoints: 1,
    temporaryHitPoints: 0,
    skillProficiencies: [],
    inventory: [],
    ...structuredClone(NEW_CHARACTER_DEFAULTS),
    backstory: null,
    portraitImageId: null,
    ...overrides,
  };
}

/** The rule a refusal names, or null when the choices are accepted. */
function rule(next: CharacterState, stored: CharacterState | null = null): unknown {
  try {
    validateChoices(next, stored);
    return null;
  } catch (error) {
    expect((error as InvalidInput).kind).toBe('INVALID_INPUT');
    return (error as InvalidInput).rule;
  }
}

describe('skill choices', () => {
  it('accepts a fighter with two class skills and a custom background with two of any, and fewer (a build in progress)', () => {
    expect(rule(state({ background: 'Soldier', skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'ARCANA', 'STEALTH'] }))).toBeNull();
    expect(rule(state({ skillProficiencies: ['ATHLETICS'] }))).toBeNull();
  });

  it('refuses a skill from no pool and more skills than the pools give (SKILL_CHOICES)', () => {
    expect(rule(state({ skillProficiencies: ['ARCANA'] }))).toBe('SKILL_CHOICES');
    expect(rule(state({ skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'SURVIVAL'] }))).toBe('SKILL_CHOICES');
    expect(rule(state({ background: 'Soldier', skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'SURVIVAL', 'ARCANA', 'STEALTH'] }))).toBe('SKILL_CHOICES');
  });

  it('names the pools in the refusal', () => {
    try {
      validateChoices(state({ background: 'Soldier', skillProficiencies: ['ARCANA', 'STEALTH', 'NATURE'] }), null);
      expect.unreachable();
    } catch (error) {
      const extensions = (error as InvalidInput).details;
      expect((extensions.pools as { source: string; count: number }[]).map((pool) => [pool.source, pool.count])).toEqual([
        ['CLASS', 2],
        ['BACKGROUND', 2],
      ]);
      expect((error as InvalidInput).message).toContain('class FIGHTER: 2 of ACROBATICS');
    }
  });

  it('gives a half-elf two more of any skill (Skill Versatility)', () => {
    expect(
      rule(state({ race: 'HALF_ELF', abilityBonusChoices: ['STRENGTH', 'WISDOM'], skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'ARCANA', 'STEALTH'] })),
    ).toBeNull();
  });

  it('refuses choosing a skill a race or background already grants (SKILL_ALREADY_GRANTED)', () => {
    expect(rule(state({ race: 'HIGH_ELF', skillProficiencies: ['PERCEPTION'] }))).toBe('SKILL_ALREADY_GRANTED');
    expect(rule(state({ race: 'HALF_ORC', skillProficiencies: ['INTIMIDATION'] }))).toBe('SKILL_ALREADY_GRANTED');
    expect(rule(state({ characterClass: 'CLERIC', background: 'Acolyte', skillProficiencies: ['INSIGHT'] }))).toBe('SKILL_ALREADY_GRANTED');
  });
});

describe('Expertise', () => {
  it('gives a rogue two at level 1 and two more at 6, a bard two at 3 and two more at 10 (EXPERTISE_COUNT beyond)', () => {
    const rogue: Partial<CharacterState> = { characterClass: 'ROGUE', skillProficiencies: ['STEALTH', 'PERCEPTION', 'ACROBATICS', 'DECEPTION'] };
    expect(rule(state({ ...rogue, expertise: ['STEALTH', 'PERCEPTION'] }))).toBeNull();
    expect(rule(state({ ...rogue, expertise: ['STEALTH', 'PERCEPTION', 'ACROBATICS'] }))).toBe('EXPERTISE_COUNT');
    expect(rule(state({ ...rogue, experience: XP[6], expertise: ['STEALTH', 'PERCEPTION', 'ACROBATICS', 'DECEPTION'] }))).toBeNull();
    const bard: Partial<CharacterState> = { characterClass: 'BARD', skillProficiencies: ['PERFORMANCE', 'PERSUASION', 'ARCANA'] };
    expect(rule(state({ ...bard, experience: XP[2], expertise: ['PERFORMANCE'] }))).toBe('EXPERTISE_COUNT');
    expect(rule(state({ ...bard, experience: XP[3], expertise: ['PERFORMANCE', 'PERSUASION'] }))).toBeNull();
    expect(rule(state({ ...bard, experience: XP[6], expertise: ['PERFORMANCE', 'PERSUASION', 'ARCANA'] }))).toBe('EXPERTISE_COUNT');
    expect(rule(state({ ...bard, experience: XP[10], expertise: ['PERFORMANCE', 'PERSUASION', 'ARCANA'] }))).toBeNull();
  });

  it('gives other classes none, and refuses a skill named twice', () => {
    expect(rule(state({ skillProficiencies: ['ATHLETICS'], expertise: ['ATHLETICS'] }))).toBe('EXPERTISE_COUNT');
    expect(rule(state({ characterClass: 'ROGUE', skillProficiencies: ['STEALTH'], expertise: ['STEALTH', 'STEALTH'] }))).toBe('EXPERTISE_COUNT');
  });

  it('needs proficiency in the skill, granted ones included (EXPERTISE_NOT_PROFICIENT)', () => {
    expect(rule(state({ characterClass: 'ROGUE', skillProficiencies: ['STEALTH'], expertise: ['ARCANA'] }))).toBe('EXPERTISE_NOT_PROFICIENT');
    expect(rule(state({ characterClass: 'ROGUE', race: 'HIGH_ELF', expertise: ['PERCEPTION'] }))).toBeNull();
  });
});

describe('fighting styles', () => {
  it('gives a fighter one at level 1 and a Champion a second at 10', () => {
    expect(rule(state({ fightingStyles: ['ARCHERY'] }))).toBeNull();
    expect(rule(state({ fightingStyles: ['ARCHERY', 'DEFENSE'] }))).toBe('FIGHTING_STYLE');
    expect(rule(state({ experience: XP[10], fightingStyles: ['ARCHERY', 'DEFENSE'] }))).toBe('FIGHTING_STYLE');
    expect(rule(state({ experience: XP[10], subclass: 'CHAMPION', fightingStyles: ['ARCHERY', 'DEFENSE'] }))).toBeNull();
    expect(rule(state({ experience: XP[10], subclass: 'CHAMPION', fightingStyles: ['ARCHERY', 'ARCHERY'] }))).toBe('FIGHTING_STYLE');
  });

  it('gives a paladin and a ranger one at level 2, from their own lists, and other classes none', () => {
    expect(rule(state({ characterClass: 'PALADIN', fightingStyles: ['DEFENSE'] }))).toBe('FIGHTING_STYLE');
    expect(rule(state({ characterClass: 'PALADIN', experience: XP[2], fightingStyles: ['DEFENSE'] }))).toBeNull();
    expect(rule(state({ characterClass: 'PALADIN', experience: XP[2], fightingStyles: ['ARCHERY'] }))).toBe('FIGHTING_STYLE');
    expect(rule(state({ characterClass: 'RANGER', experience: XP[2], fightingStyles: ['TWO_WEAPON_FIGHTING'] }))).toBeNull();
    expect(rule(state({ characterClass: 'RANGER', experience: XP[2], fightingStyles: ['PROTECTION'] }))).toBe('FIGHTING_STYLE');
    expect(rule(state({ characterClass: 'WIZARD', experience: XP[10], fightingStyles: ['DEFENSE'] }))).toBe('FIGHTING_STYLE');
  });
});

describe('Ability Score Improvements', () => {
  it('accepts +2 to one or +1 to two at the class levels reached, fighter 6 and rogue 10 included', () => {
    expect(
      rule(state({ experience: XP[6], abilityScoreImprovements: [plus2(4), { level: 6, increases: { DEXTERITY: 1, WISDOM: 1 }, feat: null }] })),
    ).toBeNull();
    expect(rule(state({ characterClass: 'ROGUE', experience: XP[10], abilityScoreImprovements: [plus2(10)] }))).toBeNull();
  });

  it('refuses a level that is not the class ASI level, not reached yet, or taken twice (ASI_LEVEL)', () => {
    expect(rule(state({ characterClass: 'WIZARD', experience: XP[6], abilityScoreImprovements: [plus2(6)] }))).toBe('ASI_LEVEL');
    expect(rule(state({ experience: XP[3], abilityScoreImprovements: [plus2(4)] }))).toBe('ASI_LEVEL');
    expect(rule(state({ experience: XP[6], abilityScoreImprovements: [plus2(4), { level: 4, increases: { DEXTERITY: 2 }, feat: null }] }))).toBe('ASI_LEVEL');
  });

  it('refuses anything but +2 or +1/+1, and increases with a feat (ASI_INCREASE)', () => {
    const at4 = (increases: Record<string, number>, feat: string | null = null) =>
      state({ experience: XP[4], abilityScoreImprovements: [{ level: 4, increases, feat }] });
    expect(rule(at4({ STRENGTH: 3 }))).toBe('ASI_INCREASE');
    expect(rule(at4({ STRENGTH: 1 }))).toBe('ASI_INCREASE');
    expect(rule(at4({ STRENGTH: 1, DEXTERITY: 1, WISDOM: 1 }))).toBe('ASI_INCREASE');
    expect(rule(at4({ STRENGTH: 3, DEXTERITY: -1 }))).toBe('ASI_INCREASE');
    expect(rule(at4({ STRENGTH: 2 }, 'GRAPPLER'))).toBe('ASI_INCREASE');
    expect(rule(at4({}))).toBe('ASI_INCREASE');
  });

  it('caps a score raised by improvements at 20 (ASI_CAP), but leaves a higher score the improvements do not touch', () => {
    // Human STR 18 + 1 = 19: +2 would be 21.
    const strong = { ...state().baseScores, STRENGTH: 18 };
    expect(rule(state({ baseScores: strong, experience: XP[4], abilityScoreImprovements: [plus2(4)] }))).toBe('ASI_CAP');
    expect(
      rule(state({ baseScores: strong, experience: XP[4], abilityScoreImprovements: [{ level: 4, increases: { STRENGTH: 1, DEXTERITY: 1 }, feat: null }] })),
    ).toBeNull();
    const mighty = { ...state().baseScores, STRENGTH: 22 };
    expect(
      rule(state({ baseScores: mighty, experience: XP[4], abilityScoreImprovements: [{ level: 4, increases: { DEXTERITY: 2 }, feat: null }] })),
    ).toBeNull();
  });

  it('takes Grappler instead of the increases only with Strength 13, counting earlier improvements (FEAT_PREREQUISITE)', () => {
    const weak = { ...state().baseScores, STRENGTH: 10 }; // 11 with the human +1
    const grappler = (level: number) => ({ level, increases: {}, feat: 'GRAPPLER' });
    expect(rule(state({ experience: XP[4], abilityScoreImprovements: [grappler(4)] }))).toBeNull();
    expect(rule(state({ baseScores: weak, experience: XP[4], abilityScoreImprovements: [grappler(4)] }))).toBe('FEAT_PREREQUISITE');
    expect(rule(state({ baseScores: weak, experience: XP[6], abilityScoreImprovements: [plus2(4), grappler(6)] }))).toBeNull();
    expect(rule(state({ baseScores: weak, experience: XP[6], abilityScoreImprovements: [grappler(4), plus2(6)] }))).toBe('FEAT_PREREQUISITE');
  });
});

describe('characters stored before these rules', () => {
  // A fighter with three class skills and one from no pool: legal before skills were checked.
  const legacy = state({ skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'SURVIVAL', 'ARCANA'] });

  it('are not held to the rules by an update that leaves the choices and what they depend on alone', () => {
    expect(rule({ ...legacy, name: 'Renamed', currentHitPoints: 5 }, legacy)).toBeNull();
    // A level change alone does not re-check skills, which are chosen at 1st level.
    expect(rule({ ...legacy, experience: XP[2] }, legacy)).toBeNull();
  });

  it('are held to the rules as soon as the skills or what they depend on change', () => {
    expect(rule({ ...legacy, skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'SURVIVAL'] }, legacy)).toBe('SKILL_CHOICES');
    expect(rule({ ...legacy, characterClass: 'BARBARIAN' }, legacy)).toBe('SKILL_CHOICES');
    // A custom background's two open picks make the four fit.
    expect(rule({ ...legacy, background: 'Sailor' }, legacy)).toBeNull();
    expect(rule({ ...legacy, skillProficiencies: ['ATHLETICS', 'PERCEPTION'] }, legacy)).toBeNull();
  });

  it('re-check level-bound choices when the level drops', () => {
    const rogue = state({
      characterClass: 'ROGUE',
      experience: XP[6],
      skillProficiencies: ['STEALTH', 'PERCEPTION', 'ACROBATICS'],
      expertise: ['STEALTH', 'PERCEPTION', 'ACROBATICS'],
    });
    expect(rule({ ...rogue, experience: XP[5] }, rogue)).toBe('EXPERTISE_COUNT');
    const fighter = state({ experience: XP[4], abilityScoreImprovements: [plus2(4)] });
    expect(rule({ ...fighter, experience: XP[3] }, fighter)).toBe('ASI_LEVEL');
  });
});

function plus2(level: number) {
  return { level, increases: { STRENGTH: 2 }, feat: null };
}
