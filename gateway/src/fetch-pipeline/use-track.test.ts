import { describe, expect, it } from 'vitest';
import type { FetchResult, SubgraphFetchObserver } from '../observability/subgraph-fetch-observer.js';
import { ServiceUnavailableError } from '../resilience/unavailable.js';
import { answer, fakeFetch, scriptedNext } from './testing.js';
import { useTrack } from './use-track.js';

function recorder() {
  const ended: FetchResult[] = [];
  const observer: SubgraphFetchObserver = {
    start: () => ({ run: (fetch) => fetch(), shared: () => undefined, end: (result) => ended.push(result), attempt: (_info, send) => send() }),
  };
  return { observer, ended };
}

describe('useTrack', () => {
  it("ends each fetch's observation with its outcome: OK, the answer's error codes, or the failure's reason", async () => {
    const { observer, ended } = recorder();
    const next = scriptedNext(200);
    await useTrack(observer)(next)(fakeFetch());
    expect(next.seen[0]?.observation).toBeDefined();
    await useTrack(observer)(() => Promise.resolve(answer(200, { data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] })))(fakeFetch());
    await useTrack(observer)(() => Promise.reject(new ServiceUnavailableError('QUEUE_FULL', 'full', 1)))(fakeFetch()).catch(() => undefined);
    expect(ended).toEqual([
      { outcome: 'OK', errorCodes: [] },
      { outcome: 'ERROR', errorCodes: ['FORBIDDEN'] },
      { outcome: 'ERROR', errorCodes: ['SERVICE_UNAVAILABLE', 'QUEUE_FULL'] },
    ]);
  });

  it('costs nothing without an observer: the next policy itself', () => {
    const next = scriptedNext(200);
    expect(useTrack(undefined)(next)).toBe(next);
  });
});
