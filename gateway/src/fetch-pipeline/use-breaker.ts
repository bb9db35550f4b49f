import type { FetchPolicy } from './policy.js';

/**
 * breaker: the attempt goes through its instance's circuit breaker (resilience/breaker.ts): after
 * circuit_breaker.failure_threshold consecutive failures (network error, timeout, HTTP 5xx) the instance gets no
 * requests for reset_timeout, then half_open_probes probes decide whether it is back. An open breaker refuses
 * without sending (BrokenCircuitError). Switched off, failures never take an instance out of rotation.
 */
export const useBreaker = (): FetchPolicy => (next) => (fetch) => (fetch.instance ? fetch.instance.breaker.execute(() => next(fetch)) : next(fetch));
