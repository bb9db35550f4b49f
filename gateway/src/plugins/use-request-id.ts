import type { Plugin } from 'graphql-yoga';
import { REQUEST_ID_HEADER, runWithRequestId } from '#lib/telemetry/index.js';
import { gatewayContextOf, type GatewayContext } from '../context/gateway-context.js';

/**
 * Every request has an id (GatewayContext.requestId): the client's x-request-id, or a generated UUID. It is returned
 * in the x-request-id response header (on errors, refusals and event streams too), and the whole request runs within
 * lib/telemetry's request context, so that log lines, subgraph fetches (subgraph-data-source.ts) and the hub's own calls
 * for it carry it. First in the plugin list: its onResponse sees answers other plugins end early.
 */
export function useRequestId(): Plugin<GatewayContext> {
  return {
    instrumentation: {
      request: ({ request }, wrapped) => runWithRequestId(gatewayContextOf(request).requestId, wrapped),
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, gatewayContextOf(request).requestId);
    },
  };
}
