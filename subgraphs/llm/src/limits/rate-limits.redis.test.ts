/**
 * What only a shared Redis shows: two llm instances (two Limits, two ioredis connections) holding one limit together.
 * Runs when REDIS_URL is set (vitest.config.ts), as in .ci/run's second pass.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { llmServiceConfig, type PerMinuteLimits } from '#lib/config/llm-config.js';
import { achievedRatePerMinute, mostStartsWithin } from './achieved-rate.js';
import { Budget } from './budget.js';
import { redisStore } from './budget-store.js';
import { createLimits } from './create-limits.js';
import { type Limits, RateLimitExceeded } from './limits.js';
import { LimitsUnavailable } from './limits-unavailable.js';
import { runPacedBatch } from './paced-batch.js';

const redisUrl = process.env.REDIS_URL as string;
const admin = new Redis(redisUrl);
const prefixes: string[] = [];
const opened: Limits[] = [];

function twoInstances(perCaller: PerMinuteLimits, minWindowSeconds: number): [Limits, Limits] {
  const keyPrefix = `test:llm-limits:${randomUUID()}`;
  prefixes.push(keyPrefix);
  const config = llmServiceConfig.parse({ limits: { per_caller: perCaller }, providers: { local: {} } });
  const pair: [Limits, Limits] = [
    createLimits(config, { redisUrl, keyPrefix, minWindowSeconds }),
    createLimits(config, { redisUrl, keyPrefix, minWindowSeconds }),
  ];
  opened.push(...pair);
  return pair;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((limits) => limits.close()));
});
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
  }
  await admin.quit();
});

const request = { caller: 'shared-user', provider: 'local', promptTokens: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function succeeded(attempts: Promise<unknown>[]): Promise<number> {
  const results = await Promise.allSettled(attempts);
  for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(RateLimitExceeded);
  return results.filter((result) => result.status === 'fulfilled').length;
}

describe('limits shared through Redis', () => {
  it('lets exactly the limit through when two instances hammer one window concurrently', async () => {
    const [a, b] = twoInstances({ requests_per_minute: 50, tokens_per_minute: 100_000 }, 60);
    const attempts = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).reserve({ ...request, promptTokens: 10 }));
    expect(await succeeded(attempts)).toBe(50);
  });

  it('shares the token budget and its settlement between instances', async () => {
    const [a, b] = twoInstances({ tokens_per_minute: 1000 }, 60);
    const reservation = await a.reserve({ ...request, promptTokens: 400 });
    await expect(b.reserve({ ...request, promptTokens: 700 })).rejects.toBeInstanceOf(RateLimitExceeded);
    await reservation.settle({ promptTokens: 50, completionTokens: 50 });
    await b.reserve({ ...request, promptTokens: 700 });
    const tokens = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).reserve({ ...request, promptTokens: 10 }));
    expect(await succeeded(tokens)).toBe(20); // 1000 - 100 - 700 = 200 tokens left
  });

  it('never lets more than a window holds through, window after window, under two instances hammering', async () => {
    // 600/min in 1-s windows of 10; 16 loops per instance, for 3.5 s.
    const [a, b] = twoInstances({ requests_per_minute: 600 }, 1);
    const successes: number[] = [];
    const until = Date.now() + 3500;
    const hammer = async (limits: Limits): Promise<void> => {
      while (Date.now() < until) {
        await limits.reserve(request).then(
          () => successes.push(Date.now()),
          (error: unknown) => expect(error).toBeInstanceOf(RateLimitExceeded),
        );
        // 5 ms between one loop's attempts: hundreds of attempts a second in all, without starving the event loop.
        await sleep(5);
      }
    };
    await Promise.all([...Array.from({ length: 16 }, () => hammer(a)), ...Array.from({ length: 16 }, () => hammer(b))]);
    const span = Math.max(...successes) - Math.min(...successes);
    // Windows follow each other, each 1 s long: successes spanning S ms come from at most floor(S/1000)+1 of them.
    // S is measured when the answers arrive, up to ~100 ms late on 2 busy cores for the first one, hence the slack.
    expect(successes.length).toBeLessThanOrEqual(10 * (Math.floor((span + 100) / 1000) + 1));
    // And they were used: counted per instance, each would have let about twice as many through.
    expect(successes.length).toBeGreaterThanOrEqual(30);
  });

  it('paces two instances batching for one caller together at 95-100% of the limit', async () => {
    // 1200/min in 1-s windows of 20: one start every 50 ms across both instances.
    const [a, b] = twoInstances({ requests_per_minute: 1200 }, 1);
    const deadline = Date.now() + 20_000;
    const batches = await Promise.all([a, b].map((limits) => runPacedBatch(limits, { items: 31, concurrency: 4, request, deadline })));
    const starts = batches.flat();
    const rate = achievedRatePerMinute(starts);
    expect(rate).toBeLessThanOrEqual(1200);
    expect(rate).toBeGreaterThanOrEqual(0.95 * 1200);
    // A fixed window would start a whole window's 20 at once; spaced starts put about 4 in any 200 ms. Two
    // processes' timers and Redis round trips on a busy machine can bunch a slot or two (6 seen), never a window.
    expect(mostStartsWithin(starts, 200)).toBeLessThanOrEqual(7);
  });

  it('gives nothing back to a window that is gone (no fresh window starting below zero)', async () => {
    const keyPrefix = `test:llm-limits:${randomUUID()}`;
    prefixes.push(keyPrefix);
    const client = new Redis(redisUrl);
    const shape = { points: 2, seconds: 60 };
    const budget = new Budget(redisStore(client, keyPrefix, true).limiter('caller:requests', shape), shape);
    expect(await budget.take('k', 1)).toMatchObject({ ok: true });
    await admin.del(`${keyPrefix}:caller:requests:k`); // the window ended
    await budget.giveBack('k', 1, Date.now() + 60_000);
    const takes = [await budget.take('k', 1), await budget.take('k', 1), await budget.take('k', 1)];
    expect(takes.map((take) => take.ok)).toEqual([true, true, false]);
    await client.quit();
  });

  it('fails closed, fast, with SERVICE_UNAVAILABLE when Redis cannot be reached', async () => {
    const config = llmServiceConfig.parse({ limits: { per_caller: { requests_per_minute: 10 } }, providers: { local: {} } });
    // Port 1: nothing listens there, so every connection attempt is refused.
    const limits = createLimits(config, { redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'unused' });
    opened.push(limits);
    const started = Date.now();
    const error = await limits.reserve(request).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(LimitsUnavailable);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'rate limit counters are unavailable' });
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(limits.reserveWhenAllowed(request, Date.now() + 10_000)).rejects.toBeInstanceOf(LimitsUnavailable);
  });
});
