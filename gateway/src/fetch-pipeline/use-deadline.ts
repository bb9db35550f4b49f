import type { FetchPolicy } from './policy.js';

/**
 * deadline: the whole fetch (queueing, attempts and the waits between them) ends by the client request's deadline
 * (use-request-policy.ts), or, for a fetch outside a client request (the coordinator's protocol calls), by
 * message_hub.request_timeout from now. Switched off, a fetch has no deadline: only each attempt's timeout holds.
 */
export function useDeadline(options: { requestTimeoutMs: number }): FetchPolicy {
  return (next) => (fetch) => next(fetch.deadline === undefined ? { ...fetch, deadline: Date.now() + options.requestTimeoutMs } : fetch);
}
