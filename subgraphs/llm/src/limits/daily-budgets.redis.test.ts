/**
 * A daily budget held by two llm instances together through Redis (REDIS_URL; .ci/run's second pass): concurrent
 * calls spread over both never reserve more than the budget, since each reservation is one atomic increment.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { llmServiceConfig } from '#lib/config/llm-config.js';
import { createLimits } from './create-limits.js';
import { BudgetExceeded, type Limits } from './limits.js';

const redisUrl = process.env.REDIS_URL as string;
const keyPrefix = `test:llm-budgets:${randomUUID()}`;
const config = llmServiceConfig.parse({
  limits: { per_caller: { requests_per_minute: 10_000, tokens_per_minute: 10_000_000 } },
  // 500 tokens a call (100 prompt + 400 max): 5000 a day fits ten.
  budgets: { per_user: { tokens_per_day: 5000 } },
  providers: { local: {} },
});
const instances: Limits[] = [createLimits(config, { redisUrl, keyPrefix }), createLimits(config, { redisUrl, keyPrefix })];

afterAll(async () => {
  await Promise.all(instances.map((limits) => limits.close()));
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${keyPrefix}:*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

describe('a daily budget shared by two llm instances through Redis', () => {
  it('lets exactly 10 of 50 concurrent calls over both instances reserve a budget that fits 10, and gives a settled remainder back to both', async () => {
    const caller = `budget-${randomUUID()}`;
    const request = { caller, provider: 'local', promptTokens: 100, maxTokens: 400 };
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, n) => (instances[n % 2] as Limits).reserve(request)));
    const taken = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(taken).toHaveLength(10);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(BudgetExceeded);
    // One call used nothing of its output: its 400 tokens go back, and either instance may now admit one call.
    await taken[0]?.settle({ promptTokens: 100, completionTokens: 0 });
    await expect((instances[1] as Limits).reserve({ ...request, promptTokens: 0 })).resolves.toBeDefined();
    await expect((instances[0] as Limits).reserve({ ...request, promptTokens: 0 })).rejects.toBeInstanceOf(BudgetExceeded);
  });
});
