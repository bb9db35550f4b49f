import type { Term } from './dice-expression.js';

/** One die as rolled: its face, and whether it counts (a die dropped by kh/kl, e.g. the lower d20 of advantage, does not). */
export interface RolledDie {
  sides: number;
  value: number;
  kept: boolean;
}

export interface RollOutcome {
  dice: RolledDie[];
  total: number;
}

/** Rolls the terms with `draw` (fair-dice.ts dieStream), in term order, each term's dice left to right. */
export function evaluateRoll(terms: readonly Term[], draw: (sides: number) => number): RollOutcome {
  const dice: RolledDie[] = [];
  let total = 0;
  for (const term of terms) {
    if (term.kind === 'constant') {
      total += term.value;
      continue;
    }
    const values = Array.from({ length: term.count }, () => draw(term.sides));
    const kept = keptIndexes(values, term);
    values.forEach((value, index) => {
      const counts = kept.has(index);
      dice.push({ sides: term.sides, value, kept: counts });
      if (counts) total += term.sign * value;
    });
  }
  return { dice, total };
}

/** Which dice of a term count: all, or the highest/lowest K (ties: the earlier die first, so the choice is deterministic). */
function keptIndexes(values: number[], term: Extract<Term, { kind: 'dice' }>): Set<number> {
  if (!term.keep) return new Set(values.map((_, index) => index));
  const direction = term.keep.which === 'highest' ? -1 : 1;
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => direction * (a.value - b.value) || a.index - b.index);
  return new Set(order.slice(0, term.keep.count).map((die) => die.index));
}
