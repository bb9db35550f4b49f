import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and nested call of one request needs to know about it. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs fn (and everything it awaits or schedules) as part of the request `requestId`. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** The request id of the request being served, if any (background work has none). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The header that carries a request's id from the client through the gateway to every subgraph and back. */
export const REQUEST_ID_HEADER = 'x-request-id';
