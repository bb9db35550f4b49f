import type { FetchRecord, TrackedOutcome, RequestRecord, TrackedRequestFilter } from './tracked-request.js';

export interface RequestTrackerOptions {
  /** hub.yaml observability.tracking.enabled: off, nothing is kept and every read is empty. */
  enabled: boolean;
  /** How long a request stays readable (observability.tracking.window). */
  windowMs: number;
  /** The most requests kept, whatever the window (observability.tracking.max_requests). */
  maxRequests: number;
}

// A query plan makes a handful of fetches and a transaction a few protocol calls; 100 keeps every real request whole
// while a pathological one cannot hold megabytes in the store.
const MAX_FETCHES_PER_REQUEST = 100;
// 50 per page unless asked: a screenful for an operator, and an answer of a few tens of KB.
const DEFAULT_PAGE = 50;
// 1000: the most one answer lists; past it an operator narrows the filter instead.
const MAX_PAGE = 1000;

/**
 * Message tracking: each client request the gateway serves, with its subgraph fetches, kept in memory for a recent
 * window and up to a bound (oldest dropped first), for Query.hub.requests. Requests are appended in the order they
 * start, so pruning only ever looks at the front.
 */
export class RequestTracker {
  private records: RequestRecord[] = [];
  /** Index of the oldest kept record in `records` (pruning moves it; the array is compacted now and then). */
  private head = 0;
  /** Requests in flight by id: hub calls made outside query planning (a transaction's protocol) find theirs here. */
  private readonly inFlight = new Map<string, RequestRecord>();

  constructor(private readonly options: RequestTrackerOptions) {}

  get enabled(): boolean {
    return this.options.enabled;
  }

  /** A request starts; undefined when tracking is off. */
  start(id: string, startedAt = new Date()): RequestRecord | undefined {
    if (!this.options.enabled) return undefined;
    const record: RequestRecord = {
      id,
      operationName: null,
      operationType: null,
      userId: null,
      startedAt,
      durationMs: null,
      outcome: null,
      errorCodes: [],
      traceId: null,
      fetches: [],
    };
    this.records.push(record);
    this.inFlight.set(id, record);
    this.prune(startedAt.getTime());
    return record;
  }

  finish(record: RequestRecord, outcome: TrackedOutcome, errorCodes: readonly string[], endedAt = Date.now()): void {
    record.durationMs = endedAt - record.startedAt.getTime();
    record.outcome = outcome;
    record.errorCodes = [...new Set(errorCodes)];
    if (this.inFlight.get(record.id) === record) this.inFlight.delete(record.id);
  }

  /** The request in flight with this id (the latest, should a client reuse ids). */
  active(id: string | undefined): RequestRecord | undefined {
    return id === undefined ? undefined : this.inFlight.get(id);
  }

  addFetch(record: RequestRecord | undefined, fetch: FetchRecord): void {
    if (record && record.fetches.length < MAX_FETCHES_PER_REQUEST) record.fetches.push(fetch);
  }

  /** Newest first, at most `first`. */
  requests(filter: TrackedRequestFilter = {}, first: number = DEFAULT_PAGE): RequestRecord[] {
    this.prune(Date.now());
    const limit = Math.min(Math.max(0, first), MAX_PAGE);
    const found: RequestRecord[] = [];
    for (let index = this.records.length - 1; index >= this.head && found.length < limit; index--) {
      const record = this.records[index];
      if (record && matches(record, filter)) found.push(record);
    }
    return found;
  }

  /** The newest request with this id. */
  request(id: string): RequestRecord | undefined {
    return this.requests({ requestId: id }, 1)[0];
  }

  private prune(now: number): void {
    const oldest = now - this.options.windowMs;
    while (this.head < this.records.length) {
      const record = this.records[this.head];
      if (!record || (this.records.length - this.head <= this.options.maxRequests && record.startedAt.getTime() >= oldest)) break;
      if (this.inFlight.get(record.id) === record) this.inFlight.delete(record.id);
      this.head += 1;
    }
    // Compacted once half the array is dropped records: amortised O(1) per request, no unbounded growth.
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head);
      this.head = 0;
    }
  }
}

function matches(record: RequestRecord, filter: TrackedRequestFilter): boolean {
  if (filter.requestId && record.id !== filter.requestId) return false;
  if (filter.outcome && record.outcome !== filter.outcome) return false;
  if (filter.operationName && record.operationName !== filter.operationName) return false;
  if (filter.since && record.startedAt < filter.since) return false;
  if (filter.until && record.startedAt >= filter.until) return false;
  if (filter.service && !record.fetches.some((fetch) => fetch.service === filter.service)) return false;
  return true;
}
