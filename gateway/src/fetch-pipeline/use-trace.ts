import { injectTraceHeaders } from '#lib/telemetry/index.js';
import type { FetchPolicy } from './policy.js';

/**
 * trace: each attempt gets its own span under the fetch's (observability/subgraph-fetch-observer.ts) with its
 * instance, number and status, and its traceparent goes with that attempt only; retries are counted in the metrics.
 * Innermost, so that the span times the request alone. Without an observation (tracing, metrics and tracking
 * all off, or track switched off) it passes the attempt through.
 */
export const useTrace = (): FetchPolicy => (next) => (fetch) => {
  const { observation, url } = fetch;
  if (!observation) return next(fetch);
  return observation.attempt({ instance: url ?? '', number: fetch.attempt ?? 1 }, () => {
    const headers = { ...fetch.headers };
    injectTraceHeaders(headers);
    return next({ ...fetch, headers });
  });
};
