/**
 * One budget (a caller's or a provider's requests or tokens) over a rate-limiter-flexible limiter: take points or
 * be refused having taken nothing, give points back, charge more.
 */
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Limiter } from './budget-store.js';
import { LimitsUnavailable } from './limits-unavailable.js';
import type { WindowShape } from './window-shape.js';

export type Taken = { ok: true; counted: number; windowEnd: number };
export type Refused = { ok: false; retryAfterMs: number };

/**
 * Give-backs this close to their window's end are skipped. The window is identified only by its end: a give-back
 * that reached the store after the window reset would land in the next window and let it admit more than its
 * limit. 100 ms is far above a Redis round trip on a LAN plus a busy event loop's delay; what is not given back
 * disappears with the window within those 100 ms anyway.
 */
const GIVE_BACK_MARGIN_MS = 100;

export class Budget {
  constructor(
    private readonly limiter: Limiter,
    private current: WindowShape,
  ) {}

  get shape(): WindowShape {
    return this.current;
  }

  /** New limits from a reloaded hub.yaml; the counters already in the store stay (rate-limiter-flexible reads these per call). */
  reshape(shape: WindowShape): void {
    this.current = shape;
    this.limiter.points = shape.points;
    this.limiter.duration = shape.seconds;
  }

  /** Throws LimitsUnavailable when the store cannot be reached. */
  async take(key: string, points: number): Promise<Taken | Refused> {
    try {
      const res = await this.limiter.consume(key, points);
      return { ok: true, counted: res.consumedPoints, windowEnd: Date.now() + res.msBeforeNext };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw new LimitsUnavailable(error);
      // rate-limiter-flexible counts a refused consume too: give it back, so that a refusal takes nothing.
      await this.giveBack(key, points, Date.now() + error.msBeforeNext);
      return { ok: false, retryAfterMs: Math.max(0, error.msBeforeNext) };
    }
  }

  /** Returns points to the window that ends at `windowEnd`, unless that window is (about to be) gone. Never throws. */
  async giveBack(key: string, points: number, windowEnd: number): Promise<void> {
    if (points <= 0 || Date.now() > windowEnd - GIVE_BACK_MARGIN_MS) return;
    await this.limiter.reward(key, points).catch(() => undefined);
  }

  /** Counts points used beyond what was taken, in the current window (the usage happened now). Never throws. */
  async charge(key: string, points: number): Promise<void> {
    if (points <= 0) return;
    await this.limiter.penalty(key, points).catch(() => undefined);
  }
}
