import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line, metric and nested call of one request needs to know about it. */
export interface RequestContext {
  requestId: string;
  /** The service serving the request, when a process hosts several (tests); else the process's own. */
  service?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs fn (and everything it awaits or schedules) as part of the request `requestId`, served by `service`. */
export function runWithRequestId<T>(requestId: string, fn: () => T, service?: string): T {
  return storage.run(service === undefined ? { requestId } : { requestId, service }, fn);
}

/** The request id of the request being served, if any (background work has none). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

let processService = 'dnd-tools';

/** Names the service this process runs (its main sets it first thing, through configureProcessLogger). */
export function setProcessService(service: string): void {
  processService = service;
}

/**
 * The service on whose behalf code runs: the request's, else the process's. Code shared by every service (the
 * event store's counters) labels its series with it.
 */
export function currentService(): string {
  return storage.getStore()?.service ?? processService;
}

/** The header that carries a request's id from the client through the gateway to every subgraph and back. */
export const REQUEST_ID_HEADER = 'x-request-id';
