/**
 * The daily budgets of llm_service.budgets: per user and per campaign, in tokens and in cost, each counted per UTC
 * day. The day is part of the counter's key, so every instance (sharing Redis or not) agrees on when a day's spend
 * ends, and a refusal can name the reset time exactly: the next UTC midnight.
 */
import type { PerDayBudget } from '#lib/config/llm-config.js';
import { Budget } from './budget.js';
import type { BudgetStore } from './budget-store.js';
import type { Draw } from './budgets.js';
import type { DailyScope } from './limits.js';
import type { WindowShape } from './window-shape.js';

export interface DailyPair {
  tokens?: Budget;
  cost?: Budget;
}

const DAY_MS = 86_400_000;
// A whole day: the window opens at the key's first use, so it outlives the key's UTC day wherever in it that falls;
// the next day's calls use the next day's key, and this one expires on its own.
const DAY_SECONDS = DAY_MS / 1000;
export const MICRO_USD = 1_000_000;

// Rounded, not floored: 0.57 USD is 569999.9999999999 micro-USD in floating point.
export function syncDaily(store: BudgetStore, pair: DailyPair, scope: DailyScope, budget: PerDayBudget | undefined): DailyPair {
  const cost = budget?.cost_per_day === undefined ? undefined : Math.round(budget.cost_per_day * MICRO_USD);
  return {
    tokens: daily(store, pair.tokens, `${scope}:tokens`, budget?.tokens_per_day),
    cost: daily(store, pair.cost, `${scope}:cost`, cost),
  };
}

function daily(store: BudgetStore, existing: Budget | undefined, name: string, points: number | undefined): Budget | undefined {
  if (!points) return undefined;
  const shape: WindowShape = { points, seconds: DAY_SECONDS };
  if (!existing) return new Budget(store.limiter(name, shape), shape);
  existing.reshape(shape);
  return existing;
}

export function dailyDraws(pair: DailyPair, scope: DailyScope, who: string, now: Date): Draw[] {
  const day = now.toISOString().slice(0, 10);
  const resetsAt = nextUtcMidnight(now);
  const draws: Draw[] = [];
  if (pair.tokens) draws.push({ scope, kind: 'tokens', key: `${who}@${day}`, budget: pair.tokens, resetsAt });
  if (pair.cost) draws.push({ scope, kind: 'cost', key: `${who}@${day}`, budget: pair.cost, resetsAt });
  return draws;
}

export function nextUtcMidnight(now: Date): number {
  return Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
}
