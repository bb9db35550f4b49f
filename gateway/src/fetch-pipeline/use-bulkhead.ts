import type { ResilientService } from '../resilience/resilient-service.js';
import { ServiceUnavailableError } from '../resilience/unavailable.js';
import type { FetchPolicy } from './policy.js';

// setTimeout's largest delay (~24.8 days): a fetch without a deadline (deadline switched off) waits in the queue as
// long as it takes, and a larger number would fire at once.
const NO_DEADLINE_MS = 2_147_483_647;

/**
 * bulkhead: at most bulkhead.max_concurrent fetches of the service in flight; the rest wait in a queue of
 * bulkhead.max_queue, by priority and until their deadline, and a full queue answers QUEUE_FULL with retryAfter
 * (resilience/bulkhead.ts). A fetch to a service whose every breaker is open fails fast here, without queueing:
 * nothing would be sent anyway.
 */
export function useBulkhead(service: ResilientService): FetchPolicy {
  return (next) => async (fetch) => {
    if (!service.balancer.anyRoutable(service.instances)) throw new ServiceUnavailableError('CIRCUIT_OPEN', 'circuit breaker open');
    const { bulkhead } = service;
    if (!bulkhead.tryAcquire()) await bulkhead.acquire(fetch.priority ?? 'interactive', fetch.deadline ?? Date.now() + NO_DEADLINE_MS);
    try {
      return await next(fetch);
    } finally {
      bulkhead.release();
    }
  };
}
