import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { REQUEST_ID_HEADER, runWithRequestId } from '../../../lib/telemetry/index.js';

/** What the plugin adds to every GraphQL context: HubDataSource forwards it to each subgraph fetch. */
export interface RequestIdContext {
  requestId: string;
}

// 200 characters: room for a UUID, a trace id or a client's own composite id, and the bound subgraphs apply too
// (they record the id as correlationId); printable ASCII only, since the id goes back in a header and into logs.
const MAX_REQUEST_ID_LENGTH = 200;
const PRINTABLE = /^[\x20-\x7e]+$/;

/** The client's x-request-id when usable (1-200 printable characters, trimmed), else a new UUID. */
export function acceptRequestId(header: string | null | undefined): string {
  const id = header?.trim();
  return id && id.length <= MAX_REQUEST_ID_LENGTH && PRINTABLE.test(id) ? id : randomUUID();
}

// Keyed by yoga's Request: a graphql-ws connection's Request (ws-server.ts) serves all its operations, which then
// share one id, the connection's.
const ids = new WeakMap<Request, string>();

export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (id === undefined) ids.set(request, (id = acceptRequestId(request.headers.get(REQUEST_ID_HEADER))));
  return id;
}

/**
 * Every request has an id: the client's x-request-id, or a generated UUID. It is returned in the x-request-id
 * response header (on errors, refusals and event streams too), put in the GraphQL context, and the whole request
 * runs within lib/telemetry's request context, so that log lines, subgraph fetches (hub-data-source.ts) and the
 * hub's own calls for it carry it. First in the plugin list: its onResponse sees answers other plugins end early.
 */
export function useRequestId(): Plugin<RequestIdContext> {
  return {
    instrumentation: {
      request: ({ request }, wrapped) => runWithRequestId(requestIdOf(request), wrapped),
    },
    onContextBuilding({ context, extendContext }) {
      extendContext({ requestId: requestIdOf(context.request) });
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, requestIdOf(request));
    },
  };
}
