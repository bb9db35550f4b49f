/**
 * Why the hub answered for a service instead of the service itself: extensions.reason of the client's
 * SERVICE_UNAVAILABLE error (subgraph-data-source.ts turns these into GraphQL errors).
 */
export type UnavailableReason =
  /** Every instance's circuit breaker is open: failed fast, nothing was sent. */
  | 'CIRCUIT_OPEN'
  /** The service's bulkhead queue is full (extensions.retryAfter says when to come back). */
  | 'QUEUE_FULL'
  /** The request's deadline (message_hub.request_timeout) passed before the service answered. */
  | 'DEADLINE_EXCEEDED'
  /** An attempt took longer than the service's timeout. */
  | 'TIMEOUT'
  /** No connection, or it broke. */
  | 'CONNECTION_FAILED'
  /** The service answered 5xx, or something that is not a GraphQL response. */
  | 'BAD_RESPONSE';

/** A failure decided by the hub's policies (not a transport error): carries the client-facing reason. */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    /** Short and client-safe: never a URL or a stack. */
    readonly detail: string,
    /** Seconds after which trying again is likely to be served (QUEUE_FULL). */
    readonly retryAfter?: number,
  ) {
    super(detail);
  }
}

/** An attempt cut off by the service's timeout or by what was left of the request's deadline. */
export class AttemptTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    readonly afterMs: number,
    readonly byDeadline: boolean,
  ) {
    super(byDeadline ? `request deadline reached after ${afterMs} ms` : `timeout after ${afterMs} ms`);
  }
}
