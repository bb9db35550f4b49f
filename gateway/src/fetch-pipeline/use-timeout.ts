import { attemptBudget, withTimeout } from '../resilience/deadline.js';
import type { RootFieldTimeouts } from '../resilience/root-field-timeouts.js';
import type { FetchPolicy } from './policy.js';

/**
 * timeout: each attempt is cut at the service's timeout (message_hub.root_field_timeouts for the fields it
 * selects), or sooner when what is left of the deadline is shorter: TIMEOUT or DEADLINE_EXCEEDED
 * (resilience/deadline.ts). Its signal aborts the request and frees the socket. Switched off, an attempt waits
 * for the deadline alone, and without one for the answer however long it takes.
 */
export function useTimeout(options: { timeoutMs: number; rootFieldTimeouts?: RootFieldTimeouts | undefined }): FetchPolicy {
  const { timeoutMs, rootFieldTimeouts } = options;
  return (next) => (fetch) => {
    const serviceTimeout = rootFieldTimeouts?.timeoutMsFor(fetch.request.query, fetch.document) ?? timeoutMs;
    const budget = attemptBudget(serviceTimeout, fetch.deadline ?? Number.POSITIVE_INFINITY);
    return withTimeout(budget, (signal) => next({ ...fetch, signal }));
  };
}
