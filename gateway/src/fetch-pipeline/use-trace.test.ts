import { describe, expect, it } from 'vitest';
import type { FetchObservation } from '../observability/subgraph-fetch-observer.js';
import { fakeFetch, scriptedNext } from './testing.js';
import { useTrace } from './use-trace.js';

describe('useTrace', () => {
  it("reports each attempt with its instance and number to the fetch's observation, and leaves the fetch's headers as they were", async () => {
    const attempts: Array<{ instance: string; number: number }> = [];
    const observation: FetchObservation = {
      run: (f) => f(),
      shared: () => undefined,
      end: () => undefined,
      attempt: (info, send) => (attempts.push(info), send()),
    };
    const next = scriptedNext(200);
    const fetch = fakeFetch({ observation, url: 'http://10.0.0.1/graphql', attempt: 2 });
    await useTrace()(next)(fetch);
    expect(attempts).toEqual([{ instance: 'http://10.0.0.1/graphql', number: 2 }]);
    expect(next.seen[0]?.headers).not.toBe(fetch.headers);
    expect(fetch.headers).toEqual({});
  });

  it('passes an attempt through untouched without an observation', async () => {
    const next = scriptedNext(200);
    const fetch = fakeFetch();
    await useTrace()(next)(fetch);
    expect(next.seen[0]).toBe(fetch);
  });
});
