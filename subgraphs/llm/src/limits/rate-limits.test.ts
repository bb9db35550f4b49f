import { afterEach, describe, expect, it } from 'vitest';
import { llmServiceConfig, type PerMinuteLimits } from '#lib/config/llm-config.js';
import { createLimits } from './create-limits.js';
import { type Limits, RateLimitExceeded } from './limits.js';

function config(perCaller: PerMinuteLimits, providerLimits?: PerMinuteLimits) {
  return llmServiceConfig.parse({
    limits: { per_caller: perCaller },
    providers: { limited: { type: 'local', limits: providerLimits }, open: { type: 'local' } },
  });
}

const opened: Limits[] = [];
function limitsFor(perCaller: PerMinuteLimits, providerLimits?: PerMinuteLimits, minWindowSeconds = 60): Limits {
  const limits = createLimits(config(perCaller, providerLimits), { minWindowSeconds });
  opened.push(limits);
  return limits;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limits) => limits.close()));
});

const call = (promptTokens = 0, provider = 'limited', caller = 'user-1') => ({ caller, provider, promptTokens });

async function refusal(promise: Promise<unknown>): Promise<RateLimitExceeded> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RateLimitExceeded);
  return error as RateLimitExceeded;
}

describe('limits (in process)', () => {
  it('lets a caller make its requests per minute, then refuses with the caller scope and when to retry', async () => {
    const limits = limitsFor({ requests_per_minute: 3 });
    for (let i = 0; i < 3; i++) await limits.reserve(call());
    const refused = await refusal(limits.reserve(call()));
    expect(refused.scope).toBe('caller');
    // The 60-s window opened a moment ago: retry in about a minute, in whole seconds.
    expect(refused.retryAfter).toBeGreaterThanOrEqual(59);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    // Another caller has its own budget.
    await limits.reserve(call(0, 'limited', 'user-2'));
  });

  it('refuses with the provider scope when the provider budget is spent, whoever calls', async () => {
    const limits = limitsFor({}, { requests_per_minute: 2 });
    await limits.reserve(call(0, 'limited', 'a'));
    await limits.reserve(call(0, 'limited', 'b'));
    expect((await refusal(limits.reserve(call(0, 'limited', 'c')))).scope).toBe('provider');
    // A provider without limits still serves: the fallback path.
    await limits.reserve(call(0, 'open', 'c'));
  });

  it('names the caller when both budgets refuse: another provider would not help', async () => {
    const limits = limitsFor({ requests_per_minute: 1 }, { requests_per_minute: 1 });
    await limits.reserve(call());
    expect((await refusal(limits.reserve(call()))).scope).toBe('caller');
  });

  it('takes nothing from the caller when the provider refuses, and nothing from either when refused', async () => {
    const limits = limitsFor({ tokens_per_minute: 1000 }, { tokens_per_minute: 500 });
    await limits.reserve(call(400));
    expect((await refusal(limits.reserve(call(200)))).scope).toBe('provider');
    // Had the refused call kept its 200 tokens, neither of these would fit.
    await limits.reserve(call(100)); // provider: 500 of 500; caller 500 of 1000
    await limits.reserve(call(500, 'open')); // caller: 1000 of 1000
    expect((await refusal(limits.reserve(call(1, 'open')))).scope).toBe('caller');
  });

  it('settles up: usage beyond the prompt is charged to both budgets', async () => {
    const limits = limitsFor({ tokens_per_minute: 1000 }, { tokens_per_minute: 2000 });
    const reservation = await limits.reserve(call(100));
    await reservation.settle({ promptTokens: 100, completionTokens: 500 });
    await reservation.settle({ promptTokens: 100, completionTokens: 5000 }); // once only
    await limits.reserve(call(400));
    expect((await refusal(limits.reserve(call(1)))).scope).toBe('caller');
    // The provider was charged the same 600 + 400: 1000 of 2000 left.
    await limits.reserve(call(1000, 'limited', 'someone-else'));
    expect(await refusal(limits.reserve(call(1, 'limited', 'a-third')))).toMatchObject({ scope: 'provider' });
  });

  it('settles down: what the provider did not use is given back', async () => {
    const limits = limitsFor({ tokens_per_minute: 1000 });
    const reservation = await limits.reserve(call(900));
    await reservation.settle({ promptTokens: 10, completionTokens: 0 });
    await limits.reserve(call(990));
    await refusal(limits.reserve(call(1)));
  });

  it('release gives the request and the tokens back', async () => {
    const limits = limitsFor({ requests_per_minute: 1, tokens_per_minute: 100 });
    const reservation = await limits.reserve(call(100));
    await reservation.release();
    await reservation.release(); // once only: a second give-back would make room that was never taken
    await limits.reserve(call(100));
    await refusal(limits.reserve(call(0)));
  });

  it('refuses a prompt larger than a whole minute of tokens at once, even to a patient batch', async () => {
    const limits = limitsFor({ tokens_per_minute: 100 });
    const started = Date.now();
    const refused = await refusal(limits.reserveWhenAllowed(call(101), Date.now() + 600_000));
    expect(refused.message).toMatch(/exceed the whole budget/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives a retryAfter of the short request window, never 0', async () => {
    // 60/min in 1-s windows: 1 request a second.
    const limits = limitsFor({ requests_per_minute: 60 }, undefined, 1);
    await limits.reserve(call());
    expect((await refusal(limits.reserve(call()))).retryAfter).toBe(1);
  });

  it('applies reloaded limits and keeps the counters already taken', async () => {
    const limits = limitsFor({ requests_per_minute: 5 });
    for (let i = 0; i < 3; i++) await limits.reserve(call());
    limits.update(config({ requests_per_minute: 3 }));
    await refusal(limits.reserve(call()));
    limits.update(config({ requests_per_minute: 4 }));
    await limits.reserve(call());
    await refusal(limits.reserve(call()));
    // A removed limit no longer applies.
    limits.update(config({}));
    for (let i = 0; i < 10; i++) await limits.reserve(call());
  });

  it('counts provider limits added and removed by a reload', async () => {
    const limits = limitsFor({});
    await limits.reserve(call(0, 'open'));
    limits.update(llmServiceConfig.parse({ limits: { per_caller: {} }, providers: { open: { type: 'local', limits: { requests_per_minute: 1 } } } }));
    await limits.reserve(call(0, 'open'));
    expect((await refusal(limits.reserve(call(0, 'open')))).scope).toBe('provider');
  });
});
