/** Message tracking's store: newest first, filtered, bounded by the window and by max_requests, and off when disabled. */
import { describe, expect, it } from 'vitest';
import { RequestTracker } from './request-tracker.js';
import type { FetchRecord } from './tracked-request.js';

const fetchOf = (service: string, outcome: 'OK' | 'ERROR' = 'OK'): FetchRecord => ({
  service,
  instance: `http://${service}/graphql`,
  operationName: null,
  startedAt: new Date(),
  durationMs: 1,
  outcome,
  httpStatus: 200,
  attempts: 1,
  shared: false,
  errorCodes: [],
});

describe('RequestTracker', () => {
  it('lists requests newest first and finds one by id, with its fetches and outcome', () => {
    const tracker = new RequestTracker({ enabled: true, windowMs: 60_000, maxRequests: 10 });
    const first = tracker.start('r-1');
    const second = tracker.start('r-2');
    tracker.addFetch(tracker.active('r-1'), fetchOf('character'));
    tracker.finish(first!, 'OK', []);
    tracker.finish(second!, 'ERROR', ['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    expect(tracker.requests().map((r) => r.id)).toEqual(['r-2', 'r-1']);
    expect(tracker.request('r-1')).toMatchObject({ outcome: 'OK', fetches: [{ service: 'character' }] });
    expect(tracker.request('r-2')?.errorCodes).toEqual(['SERVICE_UNAVAILABLE']);
    // Finished: a late call made for it no longer finds it in flight.
    expect(tracker.active('r-1')).toBeUndefined();
  });

  it('filters by request id, service, outcome, operation name and time', () => {
    const tracker = new RequestTracker({ enabled: true, windowMs: 60_000, maxRequests: 10 });
    const t0 = Date.now();
    const a = tracker.start('a', new Date(t0 - 3000))!;
    a.operationName = 'Sheet';
    tracker.addFetch(a, fetchOf('character'));
    tracker.finish(a, 'OK', []);
    const b = tracker.start('b', new Date(t0 - 1000))!;
    b.operationName = 'Party';
    tracker.addFetch(b, fetchOf('campaign', 'ERROR'));
    tracker.finish(b, 'ERROR', ['SERVICE_UNAVAILABLE']);
    const ids = (filter: Parameters<RequestTracker['requests']>[0]) => tracker.requests(filter).map((r) => r.id);
    expect(ids({ service: 'campaign' })).toEqual(['b']);
    expect(ids({ outcome: 'OK' })).toEqual(['a']);
    expect(ids({ operationName: 'Sheet' })).toEqual(['a']);
    expect(ids({ requestId: 'b' })).toEqual(['b']);
    expect(ids({ since: new Date(t0 - 2000) })).toEqual(['b']);
    expect(ids({ until: new Date(t0 - 2000) })).toEqual(['a']);
    expect(tracker.requests({}, 1).map((r) => r.id)).toEqual(['b']);
  });

  it('keeps at most max_requests and nothing older than the window', () => {
    const tracker = new RequestTracker({ enabled: true, windowMs: 10_000, maxRequests: 3 });
    for (let n = 0; n < 5; n++) tracker.start(`r-${n}`);
    expect(tracker.requests().map((r) => r.id)).toEqual(['r-4', 'r-3', 'r-2']);
    const windowed = new RequestTracker({ enabled: true, windowMs: 10_000, maxRequests: 100 });
    windowed.start('old', new Date(Date.now() - 11_000));
    windowed.start('new');
    expect(windowed.requests().map((r) => r.id)).toEqual(['new']);
  });

  it('keeps nothing when tracking is off', () => {
    const tracker = new RequestTracker({ enabled: false, windowMs: 10_000, maxRequests: 3 });
    expect(tracker.start('r-1')).toBeUndefined();
    expect(tracker.requests()).toEqual([]);
  });
});
