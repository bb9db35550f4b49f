/** What message tracking keeps of one client request and its subgraph fetches (Query.hub.requests). */

export type TrackedOutcome = 'OK' | 'ERROR';
export type TrackedOperationType = 'QUERY' | 'MUTATION' | 'SUBSCRIPTION';

/** One fetch of a subgraph made for the request: a planned fetch, or a hub call (a transaction's protocol). */
export interface FetchRecord {
  service: string;
  /** The instance of the last attempt; null when nothing was sent (an open breaker, a full queue, a shared fetch). */
  instance: string | null;
  operationName: string | null;
  startedAt: Date;
  durationMs: number;
  outcome: TrackedOutcome;
  /** HTTP status of the last attempt's answer; null without one. */
  httpStatus: number | null;
  /** Attempts sent (0: none, e.g. failed fast, or answered by an identical fetch in flight). */
  attempts: number;
  /** True when an identical fetch already in flight for another request answered this one (resilience/dedup.ts). */
  shared: boolean;
  /** extensions.code of the errors (the hub's own, e.g. SERVICE_UNAVAILABLE, or the subgraph's), without repeats. */
  errorCodes: string[];
}

/** One client request as the gateway served it. */
export interface RequestRecord {
  /** The request id (x-request-id): the client's, or the one the gateway generated. */
  id: string;
  operationName: string | null;
  operationType: TrackedOperationType | null;
  userId: string | null;
  startedAt: Date;
  /** Null while in flight. */
  durationMs: number | null;
  /** Null while in flight. */
  outcome: TrackedOutcome | null;
  errorCodes: string[];
  /** The trace the request's spans belong to; null when tracing is off. */
  traceId: string | null;
  fetches: FetchRecord[];
}

/** Query.hub.requests' filter; every given field must match. */
export interface TrackedRequestFilter {
  requestId?: string | null | undefined;
  /** At least one fetch to this service. */
  service?: string | null | undefined;
  outcome?: TrackedOutcome | null | undefined;
  operationName?: string | null | undefined;
  /** Started at or after. */
  since?: Date | null | undefined;
  /** Started before. */
  until?: Date | null | undefined;
}
