import type { Plugin } from 'graphql-yoga';

export const SERVER_TIMING_HEADER = 'server-timing';

// When each request reached yoga, on the monotonic clock (performance.now(): a wall-clock step cannot skew it).
const arrivals = new WeakMap<Request, number>();

/**
 * `Server-Timing: total;dur=<ms>` on every GraphQL answer: the time from the request reaching the gateway's GraphQL
 * pipeline to its response being ready, measured in the gateway, so a client (or bench/gateway-overhead) can tell the
 * gateway's own time from the network's and its own. Two decimals: the cheapest answers (an open breaker, a field
 * of the gateway's own) take well under a millisecond. Event streams get none: their response is ready before the
 * stream's work is done, and a `total` would understate it. First in the plugin list, so that its onRequest sees
 * requests another plugin ends early (a refused token) too.
 */
export function useServerTiming(): Plugin {
  return {
    onRequest({ request }) {
      arrivals.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const arrived = arrivals.get(request);
      if (arrived === undefined || response.headers.get('content-type')?.startsWith('text/event-stream')) return;
      response.headers.set(SERVER_TIMING_HEADER, `total;dur=${(performance.now() - arrived).toFixed(2)}`);
    },
  };
}
