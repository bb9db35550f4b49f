import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InstanceBreaker } from './breaker.js';
import { connectionRefused, response } from './testing-responses.js';

const fail = () => Promise.reject(connectionRefused());
const ok = () => Promise.resolve(response(200));

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('InstanceBreaker', () => {
  it('opens after failure_threshold consecutive failures: errors and HTTP 5xx count, 2xx and 4xx reset the count', async () => {
    const breaker = new InstanceBreaker({ failureThreshold: 3, resetTimeoutMs: 1000, halfOpenProbes: 1 });
    await expect(breaker.execute(fail)).rejects.toThrow('ECONNREFUSED');
    await breaker.execute(() => Promise.resolve(response(503)));
    expect(breaker.snapshot()).toMatchObject({ state: 'CLOSED', failures: 2 });
    // A GraphQL error in a 200, or a client error, is an answer: the count starts again.
    await breaker.execute(() => Promise.resolve(response(400)));
    expect(breaker.snapshot().failures).toBe(0);
    for (let i = 0; i < 3; i++) await breaker.execute(fail).catch(() => undefined);
    expect(breaker.snapshot()).toMatchObject({ state: 'OPEN', failures: 3, transitions: 1, lastTransitionAt: new Date('2026-01-01T00:00:00Z') });
    expect(breaker.admits()).toBe(false);
  });

  it('refuses without calling while open, lets one probe through after reset_timeout, and closes on its success', async () => {
    const breaker = new InstanceBreaker({ failureThreshold: 1, resetTimeoutMs: 1000, halfOpenProbes: 1 });
    await breaker.execute(fail).catch(() => undefined);
    const attempt = vi.fn(ok);
    await expect(breaker.execute(attempt)).rejects.toThrow(/circuit/i);
    expect(attempt).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1000);
    expect(breaker.admits()).toBe(true);
    let answer!: (value: ReturnType<typeof response>) => void;
    const probe = breaker.execute(() => new Promise<ReturnType<typeof response>>((resolve) => (answer = resolve)));
    expect(breaker.state).toBe('HALF_OPEN');
    // The probe slot is taken: the load balancer sends nothing else here until the probe answers.
    expect(breaker.admits()).toBe(false);
    answer(response(200));
    await probe;
    expect(breaker.snapshot()).toMatchObject({ state: 'CLOSED', failures: 0, transitions: 3 });
  });

  it('opens again when the probe fails, for another reset_timeout', async () => {
    const breaker = new InstanceBreaker({ failureThreshold: 1, resetTimeoutMs: 1000, halfOpenProbes: 2 });
    await breaker.execute(fail).catch(() => undefined);
    vi.advanceTimersByTime(1000);
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe('OPEN');
    expect(breaker.admits()).toBe(false);
    vi.advanceTimersByTime(999);
    expect(breaker.admits()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(breaker.admits()).toBe(true);
  });

  it('admits half_open_probes requests while half-open: the first probes, the next wait for its outcome', async () => {
    const breaker = new InstanceBreaker({ failureThreshold: 1, resetTimeoutMs: 1000, halfOpenProbes: 2 });
    await breaker.execute(fail).catch(() => undefined);
    vi.advanceTimersByTime(1000);
    let answer!: (value: ReturnType<typeof response>) => void;
    const probe = breaker.execute(() => new Promise<ReturnType<typeof response>>((resolve) => (answer = resolve)));
    expect(breaker.admits()).toBe(true);
    const second = vi.fn(ok);
    const waiting = breaker.execute(second);
    expect(breaker.admits()).toBe(false);
    await Promise.resolve();
    expect(second).not.toHaveBeenCalled();
    answer(response(200));
    await probe;
    await waiting;
    expect(second).toHaveBeenCalledOnce();
  });
});
