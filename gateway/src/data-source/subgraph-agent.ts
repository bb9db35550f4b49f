import { Agent } from 'undici';

// 30 s to the first byte: an upper bound so a hung subgraph never holds a request forever (the image proxy has no
// other); the resilience policies set tighter per-service limits on top.
const DEFAULT_IO_TIMEOUT_MS = 30_000;

/**
 * The one connection pool (per origin) for everything the gateway sends to subgraphs: GraphQL fetches,
 * readiness probes and the /images proxy. Connections stay open between requests so that a query does
 * not pay a TCP handshake per subgraph fetch.
 */
export function createSubgraphAgent(options: { requestTimeoutMs?: number } = {}): Agent {
  // The hub's own timeouts (hub.yaml timeout per attempt, request_timeout per request) decide when a fetch is cut;
  // the pool's limit stays above the longest of them so that it never cuts first, and still bounds the image proxy.
  const upperBoundMs = Math.max(DEFAULT_IO_TIMEOUT_MS, options.requestTimeoutMs ?? 0);
  return new Agent({
    // 30 s idle: well under the subgraphs' 65 s server keep-alive (lib/subgraph), so the gateway always
    // drops an idle socket before the server does and never writes into a socket being closed.
    keepAliveTimeout: 30_000,
    // A server's Keep-Alive hint can shorten, never lengthen, the idle time beyond 60 s (same reason).
    keepAliveMaxTimeout: 60_000,
    // 64 sockets per subgraph: more than a 2-core gateway keeps in flight, yet bounded so a burst of
    // clients cannot exhaust a subgraph's file descriptors.
    connections: 64,
    headersTimeout: upperBoundMs,
    bodyTimeout: upperBoundMs,
  });
}
