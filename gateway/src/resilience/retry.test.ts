import { describe, expect, it } from 'vitest';
import { isRetryable, retryDelays } from './retry.js';
import type { RetryPolicy } from './service-policy.js';

const policy = (overrides: Partial<RetryPolicy>): RetryPolicy => ({
  maxAttempts: 5,
  backoff: 'exponential',
  baseDelayMs: 100,
  maxDelayMs: 1000,
  jitter: false,
  ...overrides,
});
const first = (next: () => number, count: number) => Array.from({ length: count }, () => next());

describe('retry rules', () => {
  it('retries queries, mutations with an idempotency key and idempotent protocol calls; never other mutations', () => {
    expect(isRetryable({ mutation: false })).toBe(true);
    expect(isRetryable({ mutation: true })).toBe(false);
    expect(isRetryable({ mutation: true, idempotencyKey: '' })).toBe(false);
    expect(isRetryable({ mutation: true, idempotencyKey: 'order-42' })).toBe(true);
    expect(isRetryable({ mutation: true, idempotent: true })).toBe(true);
  });
});

describe('retry delays', () => {
  it('grows exponentially from base_delay up to max_delay', () => {
    expect(first(retryDelays(policy({})), 6)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('grows linearly, or stays constant', () => {
    expect(first(retryDelays(policy({ backoff: 'linear', maxDelayMs: 350 })), 5)).toEqual([100, 200, 300, 350, 350]);
    expect(first(retryDelays(policy({ backoff: 'constant' })), 3)).toEqual([100, 100, 100]);
  });

  it('with jitter draws each delay from [d/2, d)', () => {
    expect(
      first(
        retryDelays(policy({ jitter: true }), () => 0),
        3,
      ),
    ).toEqual([50, 100, 200]);
    const spread = first(retryDelays(policy({ backoff: 'constant', jitter: true })), 200);
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...spread)).toBeLessThan(100);
    expect(new Set(spread).size).toBeGreaterThan(100);
  });
});
