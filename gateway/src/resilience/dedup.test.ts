import { describe, expect, it } from 'vitest';
import { copyResponse, InFlightRequests, queryKey, type QueryKeyInput } from './dedup.js';

const K = { query: '{ spells { name } }', rest: '["player-1"]' };

/** A fetch the test settles by hand, counting how often it was started. */
function manualFetch<T>() {
  const started: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = [];
  const start = () => new Promise<T>((resolve, reject) => started.push({ resolve, reject }));
  return { start, started };
}

const base: QueryKeyInput = {
  subgraph: 'character',
  request: { query: 'query($id: ID!) { character(id: $id) { name } }', variables: { id: 'c1' } },
  identity: { userId: 'player-1' },
  headers: {},
  priority: 'interactive',
};

describe('InFlightRequests', () => {
  it('starts one fetch for concurrent callers of one key and gives each its own copy of the answer', async () => {
    const inFlight = new InFlightRequests<{ data: { name: string } }>((value) => structuredClone(value));
    const fetch = manualFetch<{ data: { name: string } }>();
    const callers = [inFlight.run(K, fetch.start), inFlight.run(K, fetch.start), inFlight.run(K, fetch.start)];
    expect(fetch.started).toHaveLength(1);
    fetch.started[0]?.resolve({ data: { name: 'Tordek' } });
    const answers = await Promise.all(callers);
    expect(answers).toEqual([{ data: { name: 'Tordek' } }, { data: { name: 'Tordek' } }, { data: { name: 'Tordek' } }]);
    answers[0]!.data.name = 'changed by one request';
    expect(answers[1]!.data.name).toBe('Tordek');
    expect(inFlight.size).toBe(0);
  });

  it('hands a fetch nobody joined over as it is', async () => {
    const inFlight = new InFlightRequests<object>(() => ({ copied: true }));
    const answer = { data: {} };
    expect(await inFlight.run(K, async () => answer)).toBe(answer);
  });

  it('starts separate fetches for different keys', () => {
    const inFlight = new InFlightRequests<number>((value) => value);
    const fetch = manualFetch<number>();
    void inFlight.run({ query: 'a', rest: '' }, fetch.start);
    void inFlight.run({ query: 'a', rest: 'b' }, fetch.start);
    expect(fetch.started).toHaveLength(2);
  });

  it('shares a failure with every caller that joined, then forgets it', async () => {
    const inFlight = new InFlightRequests<number>((value) => value);
    const fetch = manualFetch<number>();
    const callers = [inFlight.run(K, fetch.start), inFlight.run(K, fetch.start)];
    const failure = new Error('connection refused');
    fetch.started[0]?.reject(failure);
    for (const caller of callers) await expect(caller).rejects.toBe(failure);
    const later = inFlight.run(K, fetch.start);
    expect(fetch.started).toHaveLength(2);
    fetch.started[1]?.resolve(7);
    expect(await later).toBe(7);
  });

  it('lets no caller join after the answer arrived: a caller in the same tick starts a new fetch', async () => {
    const inFlight = new InFlightRequests<number>((value) => value);
    let resolveFirst: (value: number) => void = () => undefined;
    let started = 0;
    const first = inFlight.run(K, () => {
      started++;
      return new Promise<number>((resolve) => (resolveFirst = resolve));
    });
    const joinedLate = first.then(() => inFlight.run(K, async () => (started++, 2)));
    resolveFirst(1);
    expect(await first).toBe(1);
    expect(await joinedLate).toBe(2);
    expect(started).toBe(2);
  });
});

describe('queryKey', () => {
  it('is the same for the same fetch of the same caller, whatever the request id', () => {
    expect(queryKey({ ...base, headers: { 'x-request-id': 'a' } })).toEqual(queryKey({ ...base, headers: { 'x-request-id': 'b' } }));
  });

  it('differs by user, service identity, subgraph, priority, variables, query and other headers', () => {
    const keys = [
      base,
      { ...base, identity: { userId: 'player-2' } },
      { ...base, identity: { userId: null } },
      { ...base, identity: { userId: 'player-1', service: 'hub' } },
      { ...base, subgraph: 'campaign' },
      { ...base, priority: 'batch' },
      { ...base, request: { ...base.request, variables: { id: 'c2' } } },
      { ...base, request: { ...base.request, query: 'query($id: ID!) { character(id: $id) { race } }' } },
      { ...base, headers: { 'apollo-federation-include-trace': 'ftv1' } },
    ].map((input) => JSON.stringify(queryKey(input)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('copyResponse', () => {
  it('copies data, errors and extensions deeply and keeps the HTTP part', () => {
    const headers = new Headers({ 'content-type': 'application/json' });
    const original = {
      data: { party: [{ name: 'Tordek' }] },
      errors: [{ message: 'partial', path: ['party', 1] }],
      extensions: { cost: 3 },
      http: { headers, status: 200 },
    };
    const copy = copyResponse(original);
    expect(copy).toEqual(original);
    expect(copy.data?.party).not.toBe(original.data.party);
    expect(copy.errors?.[0]?.path).not.toBe(original.errors[0]?.path);
    expect(copy.http?.headers).toBe(headers);
  });
});
