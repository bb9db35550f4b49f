/**
 * The Limits of the llm service: one request and the prompt tokens taken from the caller's and the provider's
 * per-minute budgets, and the call's most tokens and cost from the daily budgets, all together or from none.
 */
import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import type { Draw, Budgets } from './budgets.js';
import type { BudgetStore } from './budget-store.js';
import { HeldReservation, type Hold, wholeTokens } from './held-reservation.js';
import { estimateCost } from '../generations/estimate-cost.js';
import { MICRO_USD } from './daily-budgets.js';
import { type CallUsage, isDailyScope, type Limits, type Reservation, type ReserveRequest } from './limits.js';
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
    // Less a millionth of a micro-USD before rounding up: 0.001 USD is 1000.0000000000001 micro-USD in floating point.
    const costOf = (usage: CallUsage): number => Math.max(0, Math.ceil(estimateCost(this.budgets.pricingOf(request.provider), usage) * MICRO_USD - 1e-6));
    // The daily budgets reserve the most the call can use, so that concurrent calls cannot all pass and overspend.
    const most = { promptTokens: tokens, completionTokens: wholeTokens(request.maxTokens ?? 0), images: request.images };
    const points = (draw: Draw): number => {
      if (draw.kind === 'requests') return 1;
      if (draw.kind === 'cost') return costOf(most);
      return isDailyScope(draw.scope) ? tokens + most.completionTokens : tokens;
    };

    const tooLarge = draws.find((draw) => draw.kind !== 'requests' && points(draw) > draw.budget.shape.points);
    if (tooLarge) {
      const refusal = describe(tooLarge, tooLarge.budget.shape.seconds * 1000);
      const message = `the ${isDailyScope(tooLarge.scope) ? "call's most" : "prompt's"} ${points(tooLarge)} ${unit(tooLarge)} exceed the whole budget of ${whole(tooLarge)}`;
      return { ok: false, refusal: { ...refusal, message, permanent: true } };
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
      await new HeldReservation(holds, costOf).release();
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
    return { ok: true, reservation: new HeldReservation(holds, costOf), startAt, startScope };
  }
}

function describe(draw: Draw, retryAfterMs: number): Refusal {
  if (draw.resetsAt !== undefined) {
    const owner = draw.scope === 'campaign-day' ? 'campaign' : 'user';
    const message = `the ${owner} has spent its budget of ${whole(draw)}`;
    return { scope: draw.scope, retryAfterMs: Math.max(0, draw.resetsAt - Date.now()), resetsAt: draw.resetsAt, message };
  }
  const who = draw.scope === 'caller' ? 'caller' : `provider "${draw.key}"`;
  const limit = `${draw.kind} per minute`;
  return { scope: draw.scope, retryAfterMs, wakeMarginMs: pacingMargin(draw.budget.shape), message: `the ${who} is over its limit of ${limit}` };
}

const unit = (draw: Draw): string => (draw.kind === 'cost' ? 'micro-USD' : 'tokens');

function whole(draw: Draw): string {
  const { points } = draw.budget.shape;
  if (draw.resetsAt === undefined) return `${points} tokens per minute`;
  return draw.kind === 'cost' ? `$${points / MICRO_USD} a day` : `${points} tokens a day`;
}

/**
 * The caller's refusal wins over the provider's (no other provider would help the caller), and a retry must wait
 * for every refusing budget of that scope.
 */
function firstToRetry(refused: Refusal[]): Refusal {
  // A spent daily budget first: it is the refusal that lasts, and retrying at the caller's minute would fail again.
  const daily = refused.filter((refusal) => isDailyScope(refusal.scope));
  const caller = refused.filter((refusal) => refusal.scope === 'caller');
  const relevant = daily.length > 0 ? daily : caller.length > 0 ? caller : refused;
  return relevant.reduce((longest, refusal) => (refusal.retryAfterMs > longest.retryAfterMs ? refusal : longest));
}
