/**
 * The Limits of the llm service: one request and the prompt tokens taken from the caller's and the provider's
 * budgets together, or from neither.
 */
import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import type { Draw, Budgets } from './budgets.js';
import type { BudgetStore } from './budget-store.js';
import { HeldReservation, type Hold, wholeTokens } from './held-reservation.js';
import type { Limits, Reservation, ReserveRequest } from './limits.js';
import { type Attempt, exceeded, type Refusal, whenAllowed } from './pacing.js';
import { pacingMargin, slotTime } from './window-shape.js';

export class RateLimits implements Limits {
  constructor(
    private readonly budgets: Budgets,
    private readonly store: BudgetStore,
  ) {}

  async reserve(request: ReserveRequest): Promise<Reservation> {
    const outcome = await this.attempt(request);
    if (!outcome.ok) throw exceeded(outcome.refusal);
    return outcome.reservation;
  }

  reserveWhenAllowed(request: ReserveRequest, deadline: number, signal?: AbortSignal): Promise<Reservation> {
    return whenAllowed(() => this.attempt(request), deadline, signal);
  }

  update(config: LlmServiceConfig): void {
    this.budgets.update(config);
  }

  close(): Promise<void> {
    return this.store.close();
  }

  /**
   * Takes from every budget at once (one store round trip, not four in a row), then gives back what was taken if
   * any budget refused. In between, a concurrent call may see the refused points counted and be refused too: the
   * error is always on the side of letting fewer through, never more.
   */
  private async attempt(request: ReserveRequest): Promise<Attempt> {
    const tokens = wholeTokens(request.promptTokens);
    const draws = this.budgets.for(request);
    const points = (draw: Draw): number => (draw.kind === 'requests' ? 1 : tokens);

    const tooLarge = draws.find((draw) => draw.kind === 'tokens' && tokens > draw.budget.shape.points);
    if (tooLarge) {
      const whole = `${tooLarge.budget.shape.points} tokens per minute`;
      const refusal = describe(tooLarge, tooLarge.budget.shape.seconds * 1000);
      return { ok: false, refusal: { ...refusal, message: `the prompt's ${tokens} tokens exceed the whole budget of ${whole}`, permanent: true } };
    }

    const results = await Promise.allSettled(
      draws.map((draw) => (points(draw) > 0 ? draw.budget.take(draw.key, points(draw)) : Promise.resolve({ ok: true as const, counted: 0, windowEnd: 0 }))),
    );
    const holds: Hold[] = [];
    const refused: Refusal[] = [];
    let failure: unknown;
    results.forEach((result, index) => {
      const draw = draws[index] as Draw;
      if (result.status === 'rejected') failure ??= result.reason;
      else if (result.value.ok) holds.push({ draw, points: points(draw), windowEnd: result.value.windowEnd });
      else refused.push(describe(draw, result.value.retryAfterMs));
    });
    if (failure !== undefined || refused.length > 0) {
      await new HeldReservation(holds, tokens).release();
      if (failure !== undefined) throw failure;
      return { ok: false, refusal: firstToRetry(refused) };
    }

    let startAt = 0;
    let startScope = draws[0]?.scope ?? 'caller';
    results.forEach((result, index) => {
      const draw = draws[index] as Draw;
      if (draw.kind !== 'requests' || result.status !== 'fulfilled' || !result.value.ok) return;
      const slot = slotTime(draw.budget.shape, result.value.windowEnd, result.value.counted);
      if (slot > startAt) [startAt, startScope] = [slot, draw.scope];
    });
    return { ok: true, reservation: new HeldReservation(holds, tokens), startAt, startScope };
  }
}

function describe(draw: Draw, retryAfterMs: number): Refusal {
  const who = draw.scope === 'caller' ? 'caller' : `provider "${draw.key}"`;
  const limit = `${draw.kind} per minute`;
  return { scope: draw.scope, retryAfterMs, wakeMarginMs: pacingMargin(draw.budget.shape), message: `the ${who} is over its limit of ${limit}` };
}

/**
 * The caller's refusal wins (no other provider would help the caller), and a retry must wait for every refusing
 * budget of that scope.
 */
function firstToRetry(refused: Refusal[]): Refusal {
  const caller = refused.filter((refusal) => refusal.scope === 'caller');
  const relevant = caller.length > 0 ? caller : refused;
  return relevant.reduce((longest, refusal) => (refusal.retryAfterMs > longest.retryAfterMs ? refusal : longest));
}
