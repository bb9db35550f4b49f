/**
 * The shape of each budget's counting window, and why.
 *
 * rate-limiter-flexible counts in fixed windows that open at a key's first use. A plain 60-second window of 600
 * requests lets all 600 through in its first second, a burst 60 times the rate the limit promises. So:
 *
 * - Requests are counted in a window shorter than the minute (quantised, as OpenAI enforces its per-minute limits
 *   over shorter periods): the smallest whole number of seconds, at least `minWindowSeconds`, that holds a whole
 *   number of requests at exactly the per-minute rate (600/min -> 100 per 10 s; 100/min -> 20 per 12 s; 7/min ->
 *   7 per 60 s). Whole seconds because Redis windows expire in whole seconds (RateLimiterRedis floors the duration);
 *   an exact fraction of the minute so the limit is neither exceeded nor short-changed by rounding.
 * - Inside such a window, paced callers (batches) start at evenly spaced slots (`slotTime`): the n-th request counted
 *   in a window starts n-1 intervals of 60/rpm seconds after the window opened. The slot comes from the shared
 *   counter, so two instances sharing Redis interleave on one schedule instead of each pacing alone. A batch
 *   therefore runs at the limit's exact rate and never above it, at any time scale.
 * - Unpaced callers (interactive `reserve`) may use a window's requests at once: a page that fires a few
 *   generations together is served, and the burst is bounded by the window (a sixth of the minute by default),
 *   not the minute.
 * - Tokens are counted per whole minute: one prompt may be a large share of a minute's tokens, and a shorter window
 *   would refuse it forever.
 */

export interface WindowShape {
  /** Points the window holds. */
  points: number;
  /** Whole seconds from the window's first use to its reset. */
  seconds: number;
}

const MINUTE_SECONDS = 60;

export function requestWindow(requestsPerMinute: number, minWindowSeconds: number): WindowShape {
  for (let seconds = Math.max(1, Math.ceil(minWindowSeconds)); seconds < MINUTE_SECONDS; seconds++) {
    if ((requestsPerMinute * seconds) % MINUTE_SECONDS === 0) return { points: (requestsPerMinute * seconds) / MINUTE_SECONDS, seconds };
  }
  return { points: requestsPerMinute, seconds: MINUTE_SECONDS };
}

export function tokenWindow(tokensPerMinute: number): WindowShape {
  return { points: tokensPerMinute, seconds: MINUTE_SECONDS };
}

/**
 * Slack that keeps a paced batch at or under its limit as the provider sees it. The request that opens a window
 * starts as soon as its store round trip returns, a few ms after the window opened on a loaded machine (event-loop
 * delay included), while the others' slots are timed from the opening itself, give or take the store's
 * whole-millisecond TTL; and a request reaches the provider some ms after it starts (through the SDK's queue and the
 * network), by an amount that varies from one request to the next. So every slot after the first is held back by
 * this margin, and waiters for the next window wake this long after the window ended (pacing.ts): any run of
 * points + 1 starts then spans the window plus the margin, which absorbs twice that variation.
 * 0.5% of the window, at least 20 ms: 50 ms for the 10-s windows of 600/min (a 0.5% cost in rate), covering the
 * ~25 ms by which arrivals at a stand-in provider vary on a busy machine (bench/llm); 20 ms for the 1-s windows
 * tests use (2%), where the same share would be too small to absorb the store's timing.
 */
export const MIN_PACING_MARGIN_MS = 20;
const PACING_MARGIN_SHARE = 0.005;

export function pacingMargin(shape: WindowShape): number {
  return Math.max(MIN_PACING_MARGIN_MS, shape.seconds * 1000 * PACING_MARGIN_SHARE);
}

/**
 * When the `counted`-th request of a window (1-based, as the store's counter returned it) may start: evenly spaced
 * from the window's opening at the window's own rate, the first at once.
 */
export function slotTime(shape: WindowShape, windowEnd: number, counted: number): number {
  const windowMs = shape.seconds * 1000;
  const windowStart = windowEnd - windowMs;
  if (counted <= 1) return windowStart;
  return windowStart + ((counted - 1) * windowMs) / shape.points + pacingMargin(shape);
}
