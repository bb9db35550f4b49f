import { afterEach, describe, expect, it } from 'vitest';
import { llmServiceConfig } from '#lib/config/llm-config.js';
import { createLimits } from './create-limits.js';
import { nextUtcMidnight } from './daily-budgets.js';
import { BudgetExceeded, type Limits, type Reservation } from './limits.js';

// 100 prompt tokens and up to 400 more: each call reserves 500 of the day's tokens, so 5000 fit exactly ten.
const PROMPT = 100;
const MAX_TOKENS = 400;
const FITS = 10;

const opened: Limits[] = [];
function limitsWith(budgets: Record<string, unknown>, pricing?: Record<string, number>): Limits {
  const config = llmServiceConfig.parse({
    limits: { per_caller: { requests_per_minute: 10_000, tokens_per_minute: 10_000_000 } },
    budgets,
    providers: { paid: { type: 'local', pricing }, free: { type: 'local' } },
  });
  const limits = createLimits(config);
  opened.push(limits);
  return limits;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limits) => limits.close()));
});

const call = (caller: string, extra: { campaign?: string; provider?: string } = {}) => ({
  caller,
  provider: extra.provider ?? 'paid',
  promptTokens: PROMPT,
  maxTokens: MAX_TOKENS,
  campaign: extra.campaign,
});

async function fire(limits: Limits, count: number, request: () => ReturnType<typeof call>) {
  const outcomes = await Promise.allSettled(Array.from({ length: count }, () => limits.reserve(request())));
  const taken = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  return { taken, refused };
}

describe('daily budgets (in process)', () => {
  it('lets 10 of 50 concurrent calls reserve a budget that fits 10, refuses the rest with BudgetExceeded and the next UTC midnight', async () => {
    const limits = limitsWith({ per_user: { tokens_per_day: FITS * (PROMPT + MAX_TOKENS) } });
    const { taken, refused } = await fire(limits, 50, () => call('user-1'));
    expect(taken).toHaveLength(FITS);
    expect(refused).toHaveLength(50 - FITS);
    for (const error of refused) {
      expect(error).toBeInstanceOf(BudgetExceeded);
      const budget = error as BudgetExceeded;
      expect(budget.scope).toBe('user-day');
      expect(budget.resetsAt.getTime()).toBe(nextUtcMidnight(new Date()));
      expect(budget.retryAfter).toBeGreaterThan(0);
      expect(budget.message).toContain('5000 tokens a day');
    }
    // Another user's budget is their own.
    await expect(limits.reserve(call('user-2'))).resolves.toBeDefined();
  });

  it('reconciles with the real usage: what a call did not use (a stream cut short) is given back, and spend stays within the budget', async () => {
    const limits = limitsWith({ per_user: { tokens_per_day: FITS * (PROMPT + MAX_TOKENS) } });
    const { taken } = await fire(limits, FITS, () => call('user-1'));
    await expect(limits.reserve(call('user-1'))).rejects.toBeInstanceOf(BudgetExceeded);
    // Five calls were cut after 150 tokens: each gives 250 back, 1250 in all, room for two more calls and no third.
    await Promise.all(taken.slice(0, 5).map((reservation) => reservation.settle({ promptTokens: PROMPT, completionTokens: 150 })));
    const more = await fire(limits, 5, () => call('user-1'));
    // 5 x 250 used + 7 x 500 held = 4750 of 5000: the third of the five would have passed the budget.
    expect(more.taken).toHaveLength(2);
  });

  it("draws on the campaign's budget for every member, and on no other campaign's", async () => {
    const limits = limitsWith({ per_campaign: { tokens_per_day: 2 * (PROMPT + MAX_TOKENS) } });
    await limits.reserve(call('dm', { campaign: 'c-1' }));
    await limits.reserve(call('player', { campaign: 'c-1' }));
    const error = await limits.reserve(call('another-player', { campaign: 'c-1' })).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).scope).toBe('campaign-day');
    expect((error as BudgetExceeded).message).toContain('the campaign has spent its budget');
    await limits.reserve(call('dm', { campaign: 'c-2' }));
    await limits.reserve(call('dm'));
  });

  it('counts cost at the provider price, reserving the most a call can cost; a free provider costs nothing', async () => {
    // $1 per million output tokens: a call of at most 400 output tokens reserves $0.0004; $0.002 fits five.
    const limits = limitsWith({ per_user: { cost_per_day: 0.002 } }, { output_per_million_tokens: 1 });
    const { taken } = await fire(limits, 8, () => call('user-1'));
    expect(taken).toHaveLength(5);
    await expect(limits.reserve(call('user-1'))).rejects.toBeInstanceOf(BudgetExceeded);
    await expect(limits.reserve(call('user-1', { provider: 'free' }))).resolves.toBeDefined();
    // A call that used no output gives its whole cost back.
    await (taken[0] as Reservation).settle({ promptTokens: PROMPT, completionTokens: 0 });
    await expect(limits.reserve(call('user-1'))).resolves.toBeDefined();
  });

  it('refuses for good, taking nothing, a call whose most tokens exceed the whole daily budget', async () => {
    const limits = limitsWith({ per_user: { tokens_per_day: PROMPT + MAX_TOKENS - 1 } });
    const error = await limits.reserve(call('user-1')).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).message).toBe("the call's most 500 tokens exceed the whole budget of 499 tokens a day");
    await expect(limits.reserve({ ...call('user-1'), maxTokens: MAX_TOKENS - 1 })).resolves.toBeDefined();
  });
});
