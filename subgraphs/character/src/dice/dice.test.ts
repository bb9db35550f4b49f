import { describe, expect, it } from 'vitest';
import {
  commitmentOf,
  dieStream,
  DiceExpressionError,
  evaluateRoll,
  formatTerms,
  newServerSeed,
  parseDiceExpression,
  verifyRollChain,
  verifyRollProof,
  type RollProof,
} from './index.js';

function rollProof(expression: string, nonce = 0, serverSeed = newServerSeed(), clientSeed = 'table-7'): RollProof {
  const terms = parseDiceExpression(expression);
  const { dice, total } = evaluateRoll(terms, dieStream(serverSeed, clientSeed, nonce, formatTerms(terms)));
  return {
    expression: formatTerms(terms),
    dice,
    total,
    serverSeed,
    commitment: commitmentOf(serverSeed),
    clientSeed,
    nonce,
    nextCommitment: commitmentOf(newServerSeed()),
  };
}

function ruleOf(expression: string, mode?: 'ADVANTAGE' | 'DISADVANTAGE'): string {
  try {
    parseDiceExpression(expression, mode);
  } catch (error) {
    if (error instanceof DiceExpressionError) return error.rule;
    throw error;
  }
  return 'ACCEPTED';
}

describe('dice expressions', () => {
  it('reads dice, keeps and constants, and writes them back canonically', () => {
    expect(formatTerms(parseDiceExpression(' D20 + 5 '))).toBe('1d20+5');
    expect(formatTerms(parseDiceExpression('4d6kh3'))).toBe('4d6kh3');
    expect(formatTerms(parseDiceExpression('2d8-1d4-2'))).toBe('2d8-1d4-2');
    expect(formatTerms(parseDiceExpression('1d20+3', 'ADVANTAGE'))).toBe('2d20kh1+3');
    expect(formatTerms(parseDiceExpression('1d20', 'DISADVANTAGE'))).toBe('2d20kl1');
  });

  it('refuses absurd, negative and foreign expressions with the rule they break', () => {
    expect(ruleOf('1000000d1000000')).toBe('DICE_TOO_MANY');
    expect(ruleOf('101d6')).toBe('DICE_TOO_MANY');
    expect(ruleOf('50d6+51d6')).toBe('DICE_TOO_MANY');
    expect(ruleOf('1d1')).toBe('DICE_SIDES_OUT_OF_RANGE');
    expect(ruleOf('1d1001')).toBe('DICE_SIDES_OUT_OF_RANGE');
    expect(ruleOf('-1d-6')).toBe('DICE_EXPRESSION_SYNTAX');
    expect(ruleOf('0d6')).toBe('DICE_EXPRESSION_SYNTAX');
    expect(ruleOf("1d20'; DROP TABLE roll_seeds; --")).toBe('DICE_EXPRESSION_SYNTAX');
    expect(ruleOf('1d20++5')).toBe('DICE_EXPRESSION_SYNTAX');
    expect(ruleOf('')).toBe('DICE_EXPRESSION_SYNTAX');
    expect(ruleOf('1d20+5000')).toBe('DICE_CONSTANT_TOO_LARGE');
    expect(ruleOf('4d6kh5')).toBe('DICE_KEEP_OUT_OF_RANGE');
    expect(ruleOf('1+1+1+1+1+1+1+1+1+1+1')).toBe('DICE_TERMS_TOO_MANY');
    expect(ruleOf('1d6'.padEnd(120, ' '))).toBe('DICE_EXPRESSION_TOO_LONG');
    expect(ruleOf('2d20', 'ADVANTAGE')).toBe('DICE_ADVANTAGE_NEEDS_ONE_D20');
    expect(ruleOf('1d8+2', 'ADVANTAGE')).toBe('DICE_ADVANTAGE_NEEDS_ONE_D20');
    expect(ruleOf('100d6')).toBe('ACCEPTED');
  });
});

describe('fair dice', () => {
  it('gives every face of a d6 about equally often (chi-square, 5 degrees of freedom)', () => {
    const draw = dieStream(newServerSeed(), 'uniformity', 0);
    const counts = new Array<number>(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[draw(6) - 1]!++;
    const expected = n / 6;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 20.5: the 0.1% critical value for 5 degrees of freedom; a fair die stays below it 999 times in 1000.
    expect(chiSquare).toBeLessThan(20.5);
  });

  it('rejects the words that would favour low faces (no modulo bias)', () => {
    // For 3 * 2^30 sides, word % sides would give faces 1..2^30 half the time instead of a third.
    const sides = 3 * 2 ** 30;
    const draw = dieStream(newServerSeed(), 'bias', 0);
    let low = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) if (draw(sides) <= 2 ** 30) low++;
    expect(low / n).toBeGreaterThan(0.29);
    expect(low / n).toBeLessThan(0.38);
  });

  it('is the same roll for the same seed, client seed and nonce, and another for another nonce', () => {
    const seed = newServerSeed();
    const a = evaluateRoll(parseDiceExpression('10d20'), dieStream(seed, 'c', 3));
    const b = evaluateRoll(parseDiceExpression('10d20'), dieStream(seed, 'c', 3));
    const c = evaluateRoll(parseDiceExpression('10d20'), dieStream(seed, 'c', 4));
    expect(a).toEqual(b);
    expect(c.dice.map((die) => die.value)).not.toEqual(a.dice.map((die) => die.value));
  });

  it('keeps the highest die of advantage and drops the other', () => {
    const { dice, total } = evaluateRoll(parseDiceExpression('1d20+2', 'ADVANTAGE'), dieStream(newServerSeed(), 'adv', 0));
    expect(dice).toHaveLength(2);
    expect(dice.filter((die) => die.kept)).toHaveLength(1);
    expect(total).toBe(Math.max(...dice.map((die) => die.value)) + 2);
  });
});

describe('verifyRollProof', () => {
  it('accepts an honest roll and refuses each kind of forgery', () => {
    const honest = rollProof('4d6kh3+2');
    expect(verifyRollProof(honest)).toEqual({ valid: true, commitmentMatches: true, diceMatch: true, problems: [] });
    const changedDie = { ...honest, dice: honest.dice.map((die, index) => (index === 0 ? { ...die, value: (die.value % 6) + 1 } : die)) };
    expect(verifyRollProof(changedDie).problems.join()).toMatch(/the seed gives dice/);
    expect(verifyRollProof({ ...honest, total: honest.total + 1 }).problems.join()).toMatch(/total/);
    const otherSeed = newServerSeed();
    expect(verifyRollProof({ ...honest, serverSeed: otherSeed }).problems.join()).toMatch(/not the commitment/);
    expect(verifyRollProof({ ...honest, serverSeed: 'not hex' }).valid).toBe(false);
    expect(verifyRollProof({ ...honest, clientSeed: 'someone else' }).valid).toBe(false);
    // The same dice passed off as another roll (a bigger bonus): the expression is in the HMAC message.
    expect(verifyRollProof({ ...honest, expression: '4d6kh3+12', total: honest.total + 10 }).valid).toBe(false);
  });

  it('checks the chain: each roll uses the seed the previous one promised', () => {
    const secondSeed = newServerSeed();
    const first = { ...rollProof('1d20', 0), nextCommitment: commitmentOf(secondSeed) };
    const second = rollProof('1d20', 1, secondSeed);
    expect(verifyRollChain([first, second]).valid).toBe(true);
    const swapped = rollProof('1d20', 1);
    expect(verifyRollChain([first, swapped]).problems.join()).toMatch(/not the one the previous roll promised/);
    expect(verifyRollChain([first, { ...second, nonce: 5 }]).valid).toBe(false);
  });
});
