import { afterEach, describe, expect, it } from 'vitest';
import { llmServiceConfig, type PerMinuteLimits } from '#lib/config/llm-config.js';
import { achievedRatePerMinute, mostStartsWithin } from './achieved-rate.js';
import { createLimits } from './create-limits.js';
import { type Limits, RateLimitExceeded } from './limits.js';
import { runPacedBatch } from './paced-batch.js';

const opened: Limits[] = [];
function limitsFor(perCaller: PerMinuteLimits, minWindowSeconds = 1): Limits {
  const limits = createLimits(llmServiceConfig.parse({ limits: { per_caller: perCaller }, providers: { local: {} } }), { minWindowSeconds });
  opened.push(limits);
  return limits;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limits) => limits.close()));
});

const request = { caller: 'batcher', provider: 'local', promptTokens: 10 };
const inSeconds = (seconds: number) => Date.now() + seconds * 1000;

describe('pacing (in process)', () => {
  it('runs a batch at 95-100% of the limit, in evenly spaced starts rather than bursts', async () => {
    // 1200/min scaled for test speed: 20 per 1-s window, one start every 50 ms; 61 items take 3 s.
    const limits = limitsFor({ requests_per_minute: 1200 });
    const starts = await runPacedBatch(limits, { items: 61, concurrency: 4, request, deadline: inSeconds(20) });
    const rate = achievedRatePerMinute(starts);
    expect(rate).toBeGreaterThanOrEqual(0.95 * 1200);
    expect(rate).toBeLessThanOrEqual(1200);
    // A fixed window would start a whole window's 20 at once; spaced starts put about 4 in any 200 ms.
    expect(mostStartsWithin(starts, 200)).toBeLessThanOrEqual(5);
  });

  it('waits for the next window instead of refusing', async () => {
    const limits = limitsFor({ requests_per_minute: 60 }); // 1 per 1-s window
    await limits.reserve(request);
    const started = Date.now();
    await limits.reserveWhenAllowed(request, inSeconds(5));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses at once when the wait would pass the deadline', async () => {
    const limits = limitsFor({ requests_per_minute: 1 }, 60);
    await limits.reserve(request);
    const started = Date.now();
    const error = await limits.reserveWhenAllowed(request, inSeconds(0.2)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(RateLimitExceeded);
    expect(error).toMatchObject({ scope: 'caller' });
    expect((error as RateLimitExceeded).retryAfter).toBeGreaterThanOrEqual(59);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('stops waiting for a window when the signal aborts, with its reason, having taken nothing', async () => {
    const limits = limitsFor({ requests_per_minute: 1 }, 60);
    const first = await limits.reserve(request);
    const controller = new AbortController();
    const waiting = limits.reserveWhenAllowed(request, inSeconds(120), controller.signal);
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    await expect(waiting).rejects.toThrow('client went away');
    await first.release();
    await limits.reserve(request);
  });

  it('gives back the slot it was waiting for when aborted before its start', async () => {
    // 20 per 1-s window, slots 50 ms apart: the 5th reservation waits 200 ms for its slot.
    const limits = limitsFor({ requests_per_minute: 1200 });
    for (let i = 0; i < 4; i++) await limits.reserve(request);
    const controller = new AbortController();
    const waiting = limits.reserveWhenAllowed(request, inSeconds(5), controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(waiting).rejects.toThrow('cancelled');
    // The window still holds 16 more: had the aborted wait kept its slot, only 15.
    for (let i = 0; i < 16; i++) await limits.reserve(request);
    await expect(limits.reserve(request)).rejects.toBeInstanceOf(RateLimitExceeded);
  });

  it('rejects at once on a signal already aborted', async () => {
    const limits = limitsFor({ requests_per_minute: 60 });
    await expect(limits.reserveWhenAllowed(request, inSeconds(5), AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    await limits.reserve(request); // nothing was taken
  });
});
