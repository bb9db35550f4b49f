import type { FetchResult, SubgraphFetchObserver } from '../observability/subgraph-fetch-observer.js';
import { verdictOf, type SubgraphAnswer } from './answer.js';
import { failureReason } from './failure.js';
import type { FetchPolicy } from './policy.js';

/** An answer's outcome for tracking and metrics: one with errors is an ERROR with their codes, as the client sees them. */
function outcomeOf(answer: SubgraphAnswer): FetchResult {
  const verdict = verdictOf(answer);
  if (verdict.kind === 'refused') return { outcome: 'ERROR', errorCodes: [verdict.code] };
  if (verdict.kind === 'bad') return { outcome: 'ERROR', errorCodes: ['SERVICE_UNAVAILABLE', 'BAD_RESPONSE'] };
  const errors = verdict.body.errors ?? [];
  if (errors.length === 0) return { outcome: 'OK', errorCodes: [] };
  return { outcome: 'ERROR', errorCodes: errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) };
}

/**
 * track: the fetch's span, duration metric and its entry in the request's message tracking (Query.hub.requests),
 * started here and ended with the outcome; the attempts below report to the same observation (use-trace.ts).
 * Outermost, so that a fetch answered by another request's (dedup) is still tracked, as shared.
 * `observer` absent: tracing, metrics and tracking are all off, and this policy costs nothing.
 */
export function useTrack(observer: SubgraphFetchObserver | undefined): FetchPolicy {
  return (next) => {
    if (!observer) return next;
    return async (fetch) => {
      const observation = observer.start(fetch.service, fetch.request.operationName ?? null);
      try {
        const answer = await observation.run(() => next({ ...fetch, observation }));
        observation.end(outcomeOf(answer));
        return answer;
      } catch (err) {
        observation.end({ outcome: 'ERROR', errorCodes: ['SERVICE_UNAVAILABLE', failureReason(err).reason] });
        throw err;
      }
    };
  };
}
