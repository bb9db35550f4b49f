import type { Plugin } from 'graphql-yoga';
import { gatewayContextOf } from '../context/gateway-context.js';

export const SERVER_TIMING_HEADER = 'server-timing';

/**
 * `Server-Timing: total;dur=<ms>` on every GraphQL answer: the time from the request reaching the gateway's GraphQL
 * pipeline to its response being ready, measured in the gateway, so a client (or bench/gateway-overhead) can tell the
 * gateway's own time from the network's and its own. Two decimals: the cheapest answers (an open breaker, a field
 * of the gateway's own) take well under a millisecond. Event streams get none: their response is ready before the
 * stream's work is done, and a `total` would understate it. The arrival is GatewayContext's, made when the request
 * reaches yoga, so answers another plugin ends early (a refused token) are timed too.
 */
export function useServerTiming(): Plugin {
  return {
    onResponse({ request, response }) {
      if (response.headers.get('content-type')?.startsWith('text/event-stream')) return;
      const arrived = gatewayContextOf(request).arrivedAtMonotonic;
      response.headers.set(SERVER_TIMING_HEADER, `total;dur=${(performance.now() - arrived).toFixed(2)}`);
    },
  };
}
