import { describe, expect, it } from 'vitest';
import { applyConditions } from './apply-conditions.js';
import { availableFeatures } from './feature-uses.js';
import { exhaustionAfterLongRest, featureUsesAfterRest, hitDiceRegainedOnLongRest, hitDieHealing } from './rests.js';

describe('hitDieHealing (SRD Short Rest)', () => {
  it('adds the CON modifier to each roll, at least 0 a die, up to the maximum', () => {
    expect(hitDieHealing({ rolls: [6, 4], constitutionModifier: 3, currentHitPoints: 20, maxHitPoints: 54 })).toEqual({
      perDie: [9, 7],
      healing: 16,
      currentHitPoints: 36,
    });
    expect(hitDieHealing({ rolls: [1, 3], constitutionModifier: -2, currentHitPoints: 5, maxHitPoints: 10 })).toEqual({
      perDie: [0, 1],
      healing: 1,
      currentHitPoints: 6,
    });
    expect(hitDieHealing({ rolls: [8], constitutionModifier: 2, currentHitPoints: 9, maxHitPoints: 12 })).toEqual({
      perDie: [10],
      healing: 3,
      currentHitPoints: 12,
    });
  });
});

describe('long rest arithmetic', () => {
  it('regains half the hit dice, rounded down, at least one, never more than were spent', () => {
    expect(hitDiceRegainedOnLongRest(1, 1)).toBe(1);
    expect(hitDiceRegainedOnLongRest(5, 5)).toBe(2);
    expect(hitDiceRegainedOnLongRest(20, 3)).toBe(3);
    expect(hitDiceRegainedOnLongRest(20, 20)).toBe(10);
    expect(hitDiceRegainedOnLongRest(4, 0)).toBe(0);
  });

  it('lowers exhaustion one level, not below 0', () => {
    expect([0, 1, 5].map(exhaustionAfterLongRest)).toEqual([0, 0, 4]);
  });
});

describe('featureUsesAfterRest', () => {
  const fighter = availableFeatures({ characterClass: 'FIGHTER', race: 'HUMAN', subclass: null, level: 13, charismaModifier: 0 });
  it('restores short-rest features on a short rest and keeps the long-rest ones spent', () => {
    expect(featureUsesAfterRest({ SECOND_WIND: 1, ACTION_SURGE: 1, INDOMITABLE: 2 }, fighter, 'SHORT', null)).toEqual({ INDOMITABLE: 2 });
    expect(featureUsesAfterRest({ SECOND_WIND: 1, INDOMITABLE: 2 }, fighter, 'LONG', null)).toEqual({});
  });

  it('gives a 20th-level sorcerer 4 sorcery points back on a short rest (Sorcerous Restoration)', () => {
    const sorcerer = availableFeatures({ characterClass: 'SORCERER', race: 'HUMAN', subclass: null, level: 20, charismaModifier: 4 });
    expect(featureUsesAfterRest({ SORCERY_POINTS: 10 }, sorcerer, 'SHORT', 20)).toEqual({ SORCERY_POINTS: 6 });
    expect(featureUsesAfterRest({ SORCERY_POINTS: 10 }, sorcerer, 'SHORT', 19)).toEqual({ SORCERY_POINTS: 10 });
  });
});

describe('applyConditions', () => {
  const base = { speed: 30, maxHitPoints: 41 };
  it('applies every lower exhaustion level with the current one', () => {
    const three = applyConditions(base, [], 3);
    expect(three.speed).toBe(15);
    expect(three.rollEffects.map((effect) => `${effect.source} ${effect.roll} ${effect.modifier}`)).toEqual([
      'EXHAUSTION_1 ABILITY_CHECKS DISADVANTAGE',
      'EXHAUSTION_3 ATTACK_ROLLS DISADVANTAGE',
      'EXHAUSTION_3 SAVING_THROWS DISADVANTAGE',
    ]);
    expect(applyConditions(base, [], 4)).toMatchObject({ speed: 15, maxHitPoints: 20, dead: false });
    expect(applyConditions(base, [], 5)).toMatchObject({ speed: 0, maxHitPoints: 20 });
    expect(applyConditions(base, [], 6)).toMatchObject({ speed: 0, dead: true });
  });

  it('leaves a sheet with no conditions as it was', () => {
    expect(applyConditions(base, [], 0)).toEqual({ ...base, effectiveConditions: [], incapacitated: false, dead: false, rollEffects: [] });
  });

  it('ignores stored values that are not conditions', () => {
    expect(applyConditions(base, ['HASTED'], 0).effectiveConditions).toEqual([]);
  });
});
