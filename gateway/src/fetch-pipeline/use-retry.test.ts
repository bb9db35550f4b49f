import { describe, expect, it } from 'vitest';
import { retryDefaults } from '#lib/config/resilience-config.js';
import type { RetryPolicy } from '../resilience/service-policy.js';
import { fakeFetch, scriptedNext } from './testing.js';
import { NoInstanceError } from './use-load-balance.js';
import { useRetry } from './use-retry.js';

const policy: RetryPolicy = { ...retryDefaults.parse({}), maxAttempts: 3, backoff: 'constant', baseDelayMs: 1, maxDelayMs: 1, jitter: false } as RetryPolicy;
const retry = (next: Parameters<ReturnType<typeof useRetry>>[0]) => useRetry({ policy, instanceCount: () => 2 })(next);

describe('useRetry', () => {
  it('sends a query again after a 5xx or a network error, numbering the attempts and sharing one tried set', async () => {
    const next = scriptedNext(502, 'refused', 200);
    expect((await retry(next)(fakeFetch())).status).toBe(200);
    expect(next.seen.map((fetch) => fetch.attempt)).toEqual([1, 2, 3]);
    expect(new Set(next.seen.map((fetch) => fetch.tried)).size).toBe(1);
  });

  it('returns the last 5xx once the attempts are spent, and sends a non-retryable fetch once', async () => {
    expect((await retry(scriptedNext(503))(fakeFetch())).status).toBe(503);
    const once = scriptedNext('refused', 200);
    await expect(retry(once)(fakeFetch({ mutation: true, retryable: false }))).rejects.toThrow('ECONNREFUSED');
    expect(once.seen).toHaveLength(1);
  });

  it('stops when no instance would take the attempt: the last failure, or CIRCUIT_OPEN when nothing was sent', async () => {
    let calls = 0;
    const failThenNone = () =>
      ++calls === 1 ? Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' })) : Promise.reject(new NoInstanceError('none'));
    await expect(retry(failThenNone)(fakeFetch())).rejects.toThrow('reset');
    await expect(retry(() => Promise.reject(new NoInstanceError('none')))(fakeFetch())).rejects.toMatchObject({ reason: 'CIRCUIT_OPEN' });
  });

  it('starts no attempt after the deadline', async () => {
    const next = scriptedNext(200);
    await expect(retry(next)(fakeFetch({ deadline: Date.now() - 1 }))).rejects.toMatchObject({ reason: 'DEADLINE_EXCEEDED' });
    expect(next.seen).toHaveLength(0);
  });
});
