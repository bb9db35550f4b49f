/**
 * A reservation as taken from the budgets: settle reconciles the tokens and the cost with the provider's usage,
 * release gives everything back. Either happens once.
 */
import type { Draw } from './budgets.js';
import type { CallUsage, Reservation } from './limits.js';

export interface Hold {
  draw: Draw;
  /** Points taken from the draw's budget: 1 request, the prompt tokens (per minute), prompt plus max tokens or their cost (per day). */
  points: number;
  /** When the window the points were taken from ends (epoch ms); give-backs go to that window only. */
  windowEnd: number;
}

export class HeldReservation implements Reservation {
  private done = false;

  constructor(
    private readonly holds: Hold[],
    /** What a usage costs in the `cost` budgets' points (micro-USD at the provider's price). */
    private readonly costOf: (usage: CallUsage) => number,
  ) {}

  /** Each token or cost hold is brought to what the call really used: the difference is charged or given back. */
  async settle(usage: CallUsage): Promise<void> {
    if (this.done) return;
    this.done = true;
    const used = { tokens: wholeTokens(usage.promptTokens) + wholeTokens(usage.completionTokens), cost: this.costOf(usage) };
    await Promise.all(
      this.holds.map(({ draw, points, windowEnd }) => {
        if (draw.kind === 'requests') return undefined;
        const difference = used[draw.kind] - points;
        if (difference > 0) return draw.budget.charge(draw.key, difference);
        return difference < 0 ? draw.budget.giveBack(draw.key, -difference, windowEnd) : undefined;
      }),
    );
  }

  async release(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await Promise.all(this.holds.map(({ draw, points, windowEnd }) => draw.budget.giveBack(draw.key, points, windowEnd)));
  }
}

/** Counters take whole points; a provider's odd usage (NaN, negative) counts as none rather than corrupting them. */
export function wholeTokens(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : 0;
}
