/**
 * The dice expressions a player may roll: terms joined by + or -, each a dice term `NdM` (N may be left out: `d20`),
 * optionally keeping the highest or lowest K dice (`4d6kh3`, `2d20kl1`), or a whole number (`+5`). Spaces are ignored.
 * Pure and offline (no GraphQL): a refusal is a DiceExpressionError naming its rule, mapped to BAD_USER_INPUT at the edge.
 */

// 100 characters: "8d6+2d8kh1+1d4-3" is typical; a hundred holds any sensible roll and refuses pasted essays before parsing.
export const MAX_EXPRESSION_LENGTH = 100;
// 100 dice per roll: the SRD's biggest single roll is Meteor Swarm's 40d6 (plus 40d6), and a 20th-level hit dice pool
// is 20; a hundred leaves room for homebrew while bounding the work, the event's size and the proof a verifier redoes.
export const MAX_DICE = 100;
// d1000: the SRD's largest die is the d100 (percentile tables); a d1000 serves homebrew tables. Bigger sides raise the
// rejection sampler's retries for nothing a table uses.
export const MAX_SIDES = 1000;
// 10 terms: "1d8+1d6+1d4+5" is already a busy roll; more is a script, not a player.
export const MAX_TERMS = 10;
// |K| up to 1000: no SRD bonus comes near (+30 at most on checks); bounds the total far inside a GraphQL Int.
export const MAX_CONSTANT = 1000;

export type DiceRule =
  | 'DICE_EXPRESSION_SYNTAX'
  | 'DICE_EXPRESSION_TOO_LONG'
  | 'DICE_TOO_MANY'
  | 'DICE_SIDES_OUT_OF_RANGE'
  | 'DICE_TERMS_TOO_MANY'
  | 'DICE_CONSTANT_TOO_LARGE'
  | 'DICE_KEEP_OUT_OF_RANGE'
  | 'DICE_ADVANTAGE_NEEDS_ONE_D20';

/** Why an expression was refused: `rule` names the limit (extensions.rule). */
export class DiceExpressionError extends Error {
  constructor(
    readonly rule: DiceRule,
    message: string,
  ) {
    super(message);
    this.name = 'DiceExpressionError';
  }
}

export interface DiceTerm {
  kind: 'dice';
  /** +1 or -1: the term's sign in the sum. */
  sign: 1 | -1;
  count: number;
  sides: number;
  /** Keep only the highest or lowest `keep.count` dice; absent keeps all. */
  keep?: { which: 'highest' | 'lowest'; count: number };
}

export interface ConstantTerm {
  kind: 'constant';
  value: number;
}

export type Term = DiceTerm | ConstantTerm;

export type RollMode = 'NORMAL' | 'ADVANTAGE' | 'DISADVANTAGE';

const TERM = /^(\d*)d(\d+)(?:k([hl])(\d+))?$|^(\d+)$/;

function fail(rule: DiceRule, message: string): never {
  throw new DiceExpressionError(rule, message);
}

/** Parses and bounds `expression`; ADVANTAGE/DISADVANTAGE turn its single 1d20 into 2d20 keeping the highest/lowest. */
export function parseDiceExpression(expression: string, mode: RollMode = 'NORMAL'): Term[] {
  if (expression.length > MAX_EXPRESSION_LENGTH) fail('DICE_EXPRESSION_TOO_LONG', `a dice expression has at most ${MAX_EXPRESSION_LENGTH} characters`);
  const compact = expression.replace(/\s+/g, '').toLowerCase();
  if (compact === '') fail('DICE_EXPRESSION_SYNTAX', 'the dice expression is empty: write e.g. 1d20+5');
  const parts = compact.match(/[+-]?[^+-]+/g) ?? [];
  // The pieces must put the whole text back together: "1d20++5" or "5-" leaves a lone sign behind.
  if (parts.join('') !== compact || parts.some((part) => /^[+-]?$/.test(part))) fail('DICE_EXPRESSION_SYNTAX', syntaxMessage(expression));
  if (parts.length > MAX_TERMS) fail('DICE_TERMS_TOO_MANY', `a dice expression has at most ${MAX_TERMS} terms`);
  const terms = parts.map((part) => parseTerm(part, expression));
  const applied = mode === 'NORMAL' ? terms : withAdvantage(terms, mode);
  const dice = applied.reduce((sum, term) => sum + (term.kind === 'dice' ? term.count : 0), 0);
  if (dice > MAX_DICE) fail('DICE_TOO_MANY', `a roll has at most ${MAX_DICE} dice, this one ${dice}`);
  return applied;
}

function syntaxMessage(expression: string): string {
  // JSON.stringify: the expression is shown quoted and escaped, never as markup or a second line.
  return `${JSON.stringify(expression.slice(0, MAX_EXPRESSION_LENGTH))} is not a dice expression: write terms like 2d6, d20, 4d6kh3 or 5 joined by + or -`;
}

function parseTerm(part: string, expression: string): Term {
  const sign = part.startsWith('-') ? -1 : 1;
  const body = part.replace(/^[+-]/, '');
  const match = TERM.exec(body);
  if (!match) fail('DICE_EXPRESSION_SYNTAX', syntaxMessage(expression));
  const [, countText, sidesText, keepWhich, keepText, constantText] = match;
  if (constantText !== undefined) {
    // Digits only, so the length bounds the number before Number() could lose precision.
    if (constantText.length > 4 || Number(constantText) > MAX_CONSTANT) fail('DICE_CONSTANT_TOO_LARGE', `a constant is at most ${MAX_CONSTANT}`);
    return { kind: 'constant', value: sign * Number(constantText) };
  }
  const count = countText === '' ? 1 : Number(countText);
  const sides = Number(sidesText);
  if (countText!.length > 3 || count > MAX_DICE) fail('DICE_TOO_MANY', `a roll has at most ${MAX_DICE} dice`);
  if (count < 1) fail('DICE_EXPRESSION_SYNTAX', 'a dice term rolls at least one die');
  if (sidesText!.length > 4 || sides < 2 || sides > MAX_SIDES) fail('DICE_SIDES_OUT_OF_RANGE', `a die has 2 to ${MAX_SIDES} sides, got ${sidesText}`);
  const term: DiceTerm = { kind: 'dice', sign, count, sides };
  if (keepWhich !== undefined) {
    const keep = Number(keepText);
    if (keepText!.length > 3 || keep < 1 || keep > count) fail('DICE_KEEP_OUT_OF_RANGE', `keep 1 to ${count} of ${count}d${sides}, not ${keepText}`);
    term.keep = { which: keepWhich === 'h' ? 'highest' : 'lowest', count: keep };
  }
  return term;
}

/** SRD "Advantage and Disadvantage": roll a second d20, use the higher (lower). Only for an expression with one plain d20. */
function withAdvantage(terms: Term[], mode: 'ADVANTAGE' | 'DISADVANTAGE'): Term[] {
  const d20s = terms.filter((term) => term.kind === 'dice' && term.sides === 20);
  const single = d20s.length === 1 ? (d20s[0] as DiceTerm) : undefined;
  if (!single || single.count !== 1 || single.keep || single.sign !== 1) {
    fail('DICE_ADVANTAGE_NEEDS_ONE_D20', `${mode.toLowerCase()} applies to an expression with exactly one added 1d20, e.g. 1d20+5`);
  }
  const which = mode === 'ADVANTAGE' ? 'highest' : 'lowest';
  return terms.map((term) => (term === single ? { ...single, count: 2, keep: { which, count: 1 } } : term));
}

/** The canonical text of parsed terms, as events and proofs record it (e.g. "2d20kh1+5"). */
export function formatTerms(terms: readonly Term[]): string {
  return terms
    .map((term, index) => {
      const text =
        term.kind === 'constant'
          ? String(Math.abs(term.value))
          : `${term.count}d${term.sides}${term.keep ? `k${term.keep.which === 'highest' ? 'h' : 'l'}${term.keep.count}` : ''}`;
      const negative = term.kind === 'constant' ? term.value < 0 : term.sign < 0;
      return negative ? `-${text}` : index === 0 ? text : `+${text}`;
    })
    .join('');
}
