import { afterEach, describe, expect, it, vi } from 'vitest';
import { PriorityBulkhead } from './bulkhead.js';
import { ServiceUnavailableError } from './unavailable.js';

const FAR = () => Date.now() + 60_000;
afterEach(() => vi.useRealTimers());

describe('PriorityBulkhead', () => {
  it('holds max_concurrent slots and hands freed ones to interactive waiters before batch ones, FIFO within each', async () => {
    const bulkhead = new PriorityBulkhead(1, 10, () => 10);
    expect(bulkhead.tryAcquire()).toBe(true);
    const order: string[] = [];
    const wait = (name: string, priority: 'interactive' | 'batch') => bulkhead.acquire(priority, FAR()).then(() => order.push(name));
    const all = [wait('batch-1', 'batch'), wait('interactive-1', 'interactive'), wait('batch-2', 'batch'), wait('interactive-2', 'interactive')];
    expect(bulkhead.snapshot()).toEqual({ depth: 4, max: 10, active: 1, maxConcurrent: 1, rejected: 0 });
    for (let i = 0; i < 4; i++) {
      bulkhead.release();
      await Promise.resolve();
    }
    await Promise.all(all);
    expect(order).toEqual(['interactive-1', 'interactive-2', 'batch-1', 'batch-2']);
    bulkhead.release();
    expect(bulkhead.snapshot()).toMatchObject({ depth: 0, active: 0 });
  });

  it('turns a newcomer away past max_queue with QUEUE_FULL and retryAfter in whole seconds', async () => {
    const bulkhead = new PriorityBulkhead(2, 1, () => 1500);
    bulkhead.tryAcquire();
    bulkhead.tryAcquire();
    const queued = bulkhead.acquire('interactive', FAR());
    const refused = await bulkhead.acquire('interactive', FAR()).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    // 3 fetches ahead over 2 slots at 1.5 s each: about 2.25 s to drain, rounded up.
    expect(refused).toMatchObject({ reason: 'QUEUE_FULL', retryAfter: 3 });
    expect(bulkhead.snapshot()).toMatchObject({ depth: 1, rejected: 1 });
    bulkhead.release();
    await queued;
  });

  it('makes room for an interactive newcomer by turning away the latest batch waiter', async () => {
    const bulkhead = new PriorityBulkhead(1, 2, () => 10);
    bulkhead.tryAcquire();
    const early = bulkhead.acquire('batch', FAR());
    const late = bulkhead.acquire('batch', FAR()).catch((err: unknown) => err);
    const urgent = bulkhead.acquire('interactive', FAR());
    expect(await late).toMatchObject({ reason: 'QUEUE_FULL', retryAfter: 1 });
    // A batch newcomer displaces nobody.
    expect(await bulkhead.acquire('batch', FAR()).catch((err: unknown) => err)).toMatchObject({ reason: 'QUEUE_FULL' });
    bulkhead.release();
    await urgent;
    bulkhead.release();
    await early;
  });

  it('lets a waiter go with DEADLINE_EXCEEDED when its request deadline passes in the queue', async () => {
    vi.useFakeTimers();
    const bulkhead = new PriorityBulkhead(1, 5, () => 10);
    bulkhead.tryAcquire();
    const waiting = bulkhead.acquire('interactive', Date.now() + 200).catch((err: unknown) => err);
    vi.advanceTimersByTime(200);
    expect(await waiting).toMatchObject({ reason: 'DEADLINE_EXCEEDED' });
    expect(bulkhead.snapshot().depth).toBe(0);
  });
});
