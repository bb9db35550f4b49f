import { describe, expect, it } from 'vitest';
import { fakeFetch, scriptedNext } from './testing.js';
import { useBreaker } from './use-breaker.js';
import { useDeadline } from './use-deadline.js';
import { usePriority } from './use-priority.js';

describe('usePriority, useDeadline, useBreaker', () => {
  it("keeps the request's priority or gives the default; switched off, always the default", async () => {
    const next = scriptedNext(200);
    await usePriority({ defaultPriority: 'interactive', enabled: true })(next)(fakeFetch({ priority: 'batch' }));
    await usePriority({ defaultPriority: 'interactive', enabled: true })(next)(fakeFetch({ priority: undefined }));
    await usePriority({ defaultPriority: 'interactive', enabled: false })(next)(fakeFetch({ priority: 'batch' }));
    expect(next.seen.map((fetch) => fetch.priority)).toEqual(['batch', 'interactive', 'interactive']);
  });

  it("keeps the request's deadline, or sets request_timeout from now for a fetch without one", async () => {
    const next = scriptedNext(200);
    const deadline = Date.now() + 1234;
    await useDeadline({ requestTimeoutMs: 30_000 })(next)(fakeFetch({ deadline }));
    const before = Date.now();
    await useDeadline({ requestTimeoutMs: 30_000 })(next)(fakeFetch({ deadline: undefined }));
    expect(next.seen[0]?.deadline).toBe(deadline);
    expect(next.seen[1]?.deadline).toBeGreaterThanOrEqual(before + 30_000);
  });

  it('passes a fetch without an instance through, and one with an instance through its breaker', async () => {
    const next = scriptedNext(503);
    let executed = 0;
    const instance = { breaker: { execute: <T>(run: () => Promise<T>) => (executed++, run()) } };
    await useBreaker()(next)(fakeFetch());
    await useBreaker()(next)(fakeFetch({ instance: instance as never }));
    expect(executed).toBe(1);
    expect(next.seen).toHaveLength(2);
  });
});
