/**
 * Cross-checks the play-state tables (conditions.ts, feature-uses.ts) against the SRD 5.1's facts as the repository
 * writes them down (src/testing/srd-5.1-play-facts.ts): every condition, every exhaustion level, every limited-use
 * feature at every level 1-20.
 */
import { describe, expect, it } from 'vitest';
import { SRD_CONDITION_ROLLS, SRD_CONDITIONS, SRD_EXHAUSTION, SRD_FORMULA_USES_CHA_3, SRD_RECHARGE, SRD_USE_COLUMNS } from '../testing/srd-5.1-play-facts.js';
import { applyConditions } from './apply-conditions.js';
import { CONDITIONS, EXHAUSTION_LEVELS, type Condition } from './conditions.js';
import { availableFeatures, FEATURE_USES, type CharacterForFeatures } from './feature-uses.js';
import type { CharacterClass } from './classes.js';
import type { Race } from './races.js';

const FULL = { speed: 30, maxHitPoints: 40 };

function rollLetter(condition: Condition, roll: string, ability: string | null = null): string {
  const effects = applyConditions(FULL, [condition], 0).rollEffects.filter(
    (effect) => effect.source === condition && effect.roll === roll && effect.ability === ability && effect.modifier !== 'AUTO_FAIL',
  );
  return effects.map((effect) => (effect.modifier === 'ADVANTAGE' ? 'A' : 'D')).join('') || '-';
}

describe('conditions agree with the SRD 5.1', () => {
  it('has the 14 conditions, each with its speed, incapacitation and failed saves', () => {
    expect([...CONDITIONS].sort()).toEqual(Object.keys(SRD_CONDITIONS).sort());
    for (const [name, srd] of Object.entries(SRD_CONDITIONS)) {
      const condition = name as Condition;
      const sheet = applyConditions(FULL, [condition], 0);
      const autoFail = sheet.rollEffects.filter((effect) => effect.modifier === 'AUTO_FAIL' && effect.roll === 'SAVING_THROWS').map((effect) => effect.ability);
      expect([name, sheet.speed === 0, sheet.incapacitated, autoFail.length > 0 && autoFail.includes('STRENGTH') && autoFail.includes('DEXTERITY')]).toEqual([
        name,
        srd.speedZero,
        srd.incapacitated,
        srd.failsStrDexSaves,
      ]);
    }
  });

  it('gives each condition its advantage and disadvantage on attacks, checks, DEX saves and attacks against it', () => {
    for (const [name, srd] of Object.entries(SRD_CONDITION_ROLLS)) {
      const condition = name as Condition;
      const ours = {
        attacks: rollLetter(condition, 'ATTACK_ROLLS'),
        checks: rollLetter(condition, 'ABILITY_CHECKS'),
        dexSaves: rollLetter(condition, 'SAVING_THROWS', 'DEXTERITY'),
        attacksAgainst: rollLetter(condition, 'ATTACKS_AGAINST'),
      };
      expect([name, ours]).toEqual([name, srd]);
    }
  });

  it('has the six exhaustion levels with their effects', () => {
    expect(EXHAUSTION_LEVELS.map((line) => line.level)).toEqual([1, 2, 3, 4, 5, 6]);
    const described = EXHAUSTION_LEVELS.map((line) => {
      if (line.dead) return 'Death';
      if (line.speed === 'HALVED') return 'Speed halved';
      if (line.speed === 'ZERO') return 'Speed reduced to 0';
      if (line.hitPointMaximumHalved) return 'Hit point maximum halved';
      const rolls = line.rolls.map((roll) => `${roll.roll}:${roll.modifier}`).join(' ');
      return rolls === 'ABILITY_CHECKS:DISADVANTAGE'
        ? 'Disadvantage on ability checks'
        : rolls === 'ATTACK_ROLLS:DISADVANTAGE SAVING_THROWS:DISADVANTAGE'
          ? 'Disadvantage on attack rolls and saving throws'
          : rolls;
    });
    expect(described).toEqual(SRD_EXHAUSTION);
  });
});

const CLASS_SOURCE = /^([A-Z_]+)(?: \((.+)\))?$/;
const RACES = new Set(['DRAGONBORN', 'HALF_ORC', 'TIEFLING']);

/** A character who has the fact's feature source, at a level, with CHA modifier +3. */
function characterOf(source: string, level: number): CharacterForFeatures {
  const [, name = '', subclass = null] = CLASS_SOURCE.exec(source) ?? [];
  if (RACES.has(name)) return { characterClass: 'FIGHTER', race: name as Race, subclass: null, level, charismaModifier: 3 };
  return { characterClass: name as CharacterClass, race: 'HUMAN', subclass, level, charismaModifier: 3 };
}

describe('limited-use features agree with the SRD 5.1', () => {
  it('has every feature the facts list, arriving at its level, with its recharge at every level 1-20', () => {
    let checked = 0;
    for (const [key, srd] of Object.entries(SRD_RECHARGE)) {
      const feature = key === 'PALADIN_CHANNEL_DIVINITY' ? 'CHANNEL_DIVINITY' : key;
      for (let level = 1; level <= 20; level++) {
        const found = availableFeatures(characterOf(srd.source, level)).find((line) => line.feature === feature);
        // Font of Inspiration: bardic inspiration comes back on a short rest from 5th level.
        const recharge = feature === 'BARDIC_INSPIRATION' && level >= 5 ? 'SHORT' : srd.recharge;
        expect([key, level, found?.recharge ?? null]).toEqual([key, level, level >= srd.level ? recharge : null]);
        checked++;
      }
    }
    expect(checked).toBe(Object.keys(SRD_RECHARGE).length * 20);
    expect(new Set(FEATURE_USES.map((rules) => rules.feature)).size).toBe(Object.keys(SRD_RECHARGE).length - 1);
  });

  it('matches the class table columns of uses (rages, channel divinity, action surge, indomitable, ki, sorcery points)', () => {
    for (const [feature, srd] of Object.entries(SRD_USE_COLUMNS)) {
      const ours = Array.from({ length: 20 }, (_, index) => {
        const found = availableFeatures(characterOf(srd.characterClass, index + 1)).find((line) => line.feature === feature);
        return found ? found.max : 0;
      });
      expect([feature, ours]).toEqual([feature, srd.byLevel]);
    }
  });

  it('applies the formulas of bardic inspiration, divine sense and lay on hands', () => {
    const classes: Record<string, string> = { BARDIC_INSPIRATION: 'BARD', DIVINE_SENSE: 'PALADIN', LAY_ON_HANDS: 'PALADIN' };
    for (const [feature, srd] of Object.entries(SRD_FORMULA_USES_CHA_3)) {
      const ours = Array.from(
        { length: 20 },
        (_, index) => availableFeatures(characterOf(classes[feature]!, index + 1)).find((line) => line.feature === feature)?.max,
      );
      expect([feature, ours]).toEqual([feature, srd]);
    }
  });

  it('gives a subclass feature only to that subclass', () => {
    const fiend = availableFeatures({ characterClass: 'WARLOCK', race: 'HUMAN', subclass: 'The Fiend', level: 14, charismaModifier: 3 });
    const other = availableFeatures({ characterClass: 'WARLOCK', race: 'HUMAN', subclass: null, level: 14, charismaModifier: 3 });
    expect(fiend.map((line) => line.feature)).toEqual(expect.arrayContaining(['DARK_ONES_OWN_LUCK', 'HURL_THROUGH_HELL']));
    expect(other.map((line) => line.feature)).not.toContain('DARK_ONES_OWN_LUCK');
  });
});
