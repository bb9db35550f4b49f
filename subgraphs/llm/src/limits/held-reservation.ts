/**
 * A reservation as taken from the budgets: settle reconciles the tokens with the provider's usage, release gives
 * everything back. Either happens once.
 */
import type { Draw } from './budgets.js';
import type { Reservation } from './limits.js';

export interface Hold {
  draw: Draw;
  /** Points taken from the draw's budget (1 request, or the prompt tokens). */
  points: number;
  /** When the window the points were taken from ends (epoch ms); give-backs go to that window only. */
  windowEnd: number;
}

export class HeldReservation implements Reservation {
  private done = false;

  constructor(
    private readonly holds: Hold[],
    private readonly reservedTokens: number,
  ) {}

  async settle(usage: { promptTokens: number; completionTokens: number }): Promise<void> {
    if (this.done) return;
    this.done = true;
    const used = wholeTokens(usage.promptTokens) + wholeTokens(usage.completionTokens);
    const difference = used - this.reservedTokens;
    if (difference === 0) return;
    await Promise.all(
      this.holds
        .filter((hold) => hold.draw.kind === 'tokens')
        .map(({ draw, windowEnd }) => (difference > 0 ? draw.budget.charge(draw.key, difference) : draw.budget.giveBack(draw.key, -difference, windowEnd))),
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
