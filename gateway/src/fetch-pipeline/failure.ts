import { isBrokenCircuit } from '../resilience/breaker.js';
import { describeFailure } from '../resilience/describe-failure.js';
import { AttemptTimeoutError, ServiceUnavailableError, type UnavailableReason } from '../resilience/unavailable.js';

/** Why a fetch failed, as the client is told (extensions.reason and, for a full queue, retryAfter). */
export interface FailureReason {
  reason: UnavailableReason;
  /** Short and client-safe. */
  detail: string;
  retryAfter?: number | undefined;
  /** Nothing the hub knows: the operator wants the whole error in the log. */
  unclassified: boolean;
}

/** One classification of what the pipeline throws, for the client's error (subgraph-data-source.ts) and tracking (use-track.ts). */
export function failureReason(err: unknown): FailureReason {
  if (err instanceof ServiceUnavailableError) return { reason: err.reason, detail: err.detail, retryAfter: err.retryAfter, unclassified: false };
  if (isBrokenCircuit(err)) return { reason: 'CIRCUIT_OPEN', detail: 'circuit breaker open', unclassified: false };
  if (err instanceof AttemptTimeoutError) return { reason: err.byDeadline ? 'DEADLINE_EXCEEDED' : 'TIMEOUT', detail: err.message, unclassified: false };
  const detail = describeFailure(err);
  return { reason: detail === 'timeout' ? 'TIMEOUT' : 'CONNECTION_FAILED', detail, unclassified: detail === 'request failed' };
}
