import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Identity } from '#lib/auth/index.js';

/**
 * In-flight deduplication of subgraph queries: while a fetch is on its way, an identical one (same subgraph, same
 * body, same caller, same priority) joins it instead of being sent again. Nothing outlives the fetch: once it
 * settles the entry is gone, so this is not a cache, and a failure reaches the requests that joined it but never a
 * later one. SubgraphDataSource.call() applies it to queries only; a mutation is never joined (two identical
 * mutations are two writes).
 */

interface Entry<T> {
  result: Promise<T>;
  /** Callers sharing the fetch; fixed by the time it settles (the entry is removed first). */
  callers: number;
}

/** Which fetch a request is: its query text, and everything else that makes it that caller's fetch. */
export interface FetchKey {
  /** The planner hands every request of one plan the same string: a Map finds it by its cached hash, uncopied. */
  query: string;
  rest: string;
}

export class InFlightRequests<T> {
  private readonly inFlight = new Map<string, Map<string, Entry<T>>>();

  /**
   * @param copy gives each caller of a shared fetch its own copy of the answer: the gateway merges later
   * fetches' results into the objects it received, and one request's merges must not show in another's.
   */
  constructor(private readonly copy: (value: T) => T) {}

  /** Fetches in flight now (tests and the hub's introspection). */
  get size(): number {
    let size = 0;
    for (const byRest of this.inFlight.values()) size += byRest.size;
    return size;
  }

  /** Joins the fetch in flight under `key`, or starts one with `start`. */
  run(key: FetchKey, start: () => Promise<T>): Promise<T> {
    let byRest = this.inFlight.get(key.query);
    let entry = byRest?.get(key.rest);
    if (!entry) {
      // Removed in the very reaction that sees the answer, before any caller gets it: whoever asks after that
      // point sends a new fetch, and no caller can join a fetch whose answer was already handed out.
      const result = start().then(
        (value) => {
          this.remove(key);
          return value;
        },
        (error: unknown) => {
          this.remove(key);
          throw error;
        },
      );
      entry = { callers: 0, result };
      if (!byRest) this.inFlight.set(key.query, (byRest = new Map<string, Entry<T>>()));
      byRest.set(key.rest, entry);
    }
    entry.callers++;
    const shared = entry;
    // A fetch nobody joined (the common case under a varied load) hands its answer over as it is, at no cost.
    return shared.result.then((value) => (shared.callers > 1 ? this.copy(value) : value));
  }

  private remove(key: FetchKey): void {
    const byRest = this.inFlight.get(key.query);
    byRest?.delete(key.rest);
    if (byRest?.size === 0) this.inFlight.delete(key.query);
  }
}

/** What makes two subgraph queries the same fetch. */
export interface QueryKeyInput {
  subgraph: string;
  request: {
    query: string;
    variables?: Record<string, unknown> | undefined;
    operationName?: string | undefined;
    extensions?: Record<string, unknown> | undefined;
  };
  identity: Identity;
  /** Headers besides identity and content type (the planner's, the client's request id). */
  headers: Record<string, string>;
  priority: string;
}

// The client's request id only labels the events a write records; two reads differing in it are the same read.
const IGNORED_HEADERS = new Set(['x-request-id']);

/**
 * The key of a query fetch. The caller's identity is part of it: subgraphs answer per user, so two users'
 * identical queries are never shared. So is the priority: an interactive request must not wait in the batch
 * queue behind the fetch of a batch request it joined.
 */
export function queryKey({ subgraph, request, identity, headers, priority }: QueryKeyInput): FetchKey {
  const extra: Array<[string, string]> = [];
  for (const name of Object.keys(headers).sort()) {
    const value = headers[name];
    if (value !== undefined && !IGNORED_HEADERS.has(name)) extra.push([name, value]);
  }
  const rest = JSON.stringify([
    subgraph,
    identity.userId,
    identity.service ?? null,
    priority,
    extra,
    request.operationName ?? null,
    request.variables ?? null,
    request.extensions ?? null,
  ]);
  return { query: request.query, rest };
}

/** A deep copy of a JSON value (subgraph answers are parsed JSON: no cycles, dates or class instances). */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** Each sharer's own data, errors and extensions; the HTTP part (status, headers) is only read and stays shared. */
export function copyResponse(response: GatewayGraphQLResponse): GatewayGraphQLResponse {
  return { ...response, data: copyJson(response.data), errors: response.errors && copyJson(response.errors), extensions: copyJson(response.extensions) };
}
