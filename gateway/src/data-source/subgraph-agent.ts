import { Agent } from 'undici';

/**
 * The one connection pool (per origin) for everything the gateway sends to subgraphs: GraphQL fetches,
 * readiness probes and the /images proxy. Connections stay open between requests so that a query does
 * not pay a TCP handshake per subgraph fetch.
 */
export function createSubgraphAgent(): Agent {
  return new Agent({
    // 30 s idle: well under the subgraphs' 65 s server keep-alive (lib/subgraph), so the gateway always
    // drops an idle socket before the server does and never writes into a socket being closed.
    keepAliveTimeout: 30_000,
    // A server's Keep-Alive hint can shorten, never lengthen, the idle time beyond 60 s (same reason).
    keepAliveMaxTimeout: 60_000,
    // 64 sockets per subgraph: more than a 2-core gateway keeps in flight, yet bounded so a burst of
    // clients cannot exhaust a subgraph's file descriptors.
    connections: 64,
    // 30 s to the first byte: an upper bound so a hung subgraph never holds a client request forever;
    // the resilience policies (hub.yaml timeouts, breakers) set tighter per-service limits on top.
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}
