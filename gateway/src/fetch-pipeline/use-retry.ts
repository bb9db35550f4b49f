import { isBrokenCircuit } from '../resilience/breaker.js';
import { sleep } from '../resilience/deadline.js';
import type { ServiceInstance } from '../resilience/instance.js';
import { retryDelays } from '../resilience/retry.js';
import type { RetryPolicy } from '../resilience/service-policy.js';
import { ServiceUnavailableError } from '../resilience/unavailable.js';
import type { SubgraphAnswer } from './answer.js';
import { NoInstanceError } from './use-load-balance.js';
import type { FetchPolicy } from './policy.js';

/**
 * retry: a retryable fetch (a query, or a mutation idempotent by key or protocol) that failed by network error,
 * timeout or HTTP 5xx is sent again, up to retry_policy.max_attempts, after the policy's backoff, each time to an
 * instance it has not tried while there is one (use-load-balance.ts), and never past the deadline. Once the attempts
 * are spent the last 5xx answer is returned, or the last error thrown.
 */
export function useRetry(options: { policy: RetryPolicy; instanceCount: () => number }): FetchPolicy {
  const { policy } = options;
  return (next) => async (fetch) => {
    const maxAttempts = fetch.retryable ? policy.maxAttempts : 1;
    const deadline = fetch.deadline ?? Number.POSITIVE_INFINITY;
    const tried = new Set<ServiceInstance>();
    let nextDelay: (() => number) | undefined;
    let failure: { error: unknown } | { answer: SubgraphAnswer } | undefined;
    let attempt = 0;
    // Each instance can refuse once per fetch (a raced probe slot); bounded so the loop always ends.
    let refusals = 0;
    while (attempt < maxAttempts) {
      if (deadline <= Date.now()) break;
      try {
        const answer = await next({ ...fetch, attempt: attempt + 1, tried });
        if (answer.status < 500) return answer;
        failure = { answer };
      } catch (error) {
        // No instance would take it: stop here with the last failure.
        if (error instanceof NoInstanceError) break;
        // Another request took the last probe slot first: nothing was sent, so no attempt is spent.
        if (isBrokenCircuit(error) && ++refusals <= options.instanceCount()) continue;
        failure = { error };
      }
      attempt += 1;
      if (attempt >= maxAttempts) break;
      nextDelay ??= retryDelays(policy);
      const delay = nextDelay();
      // A retry that could not start before the deadline is not worth waiting for.
      if (Date.now() + delay >= deadline) break;
      await sleep(delay);
    }
    if (!failure) {
      if (deadline <= Date.now()) throw new ServiceUnavailableError('DEADLINE_EXCEEDED', 'request deadline reached');
      throw new ServiceUnavailableError('CIRCUIT_OPEN', 'circuit breaker open');
    }
    if ('answer' in failure) return failure.answer;
    throw failure.error;
  };
}
