import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { Registry } from 'prom-client';
import { createYoga, type Plugin } from 'graphql-yoga';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from '../auth/identity.js';
import type { AppDatabase } from '../db/open-database.js';
import { maskError } from '../graphql/mask-error.js';
import { unauthenticated } from '../graphql/errors.js';
import { HttpDrain } from '../shutdown/http-drain.js';
import { SHUTDOWN_GRACE_MS } from '../shutdown/shutdown-grace.js';
import { serveMetrics, serverRegistry } from './metrics.js';
import { nameRequestSpan, traceRequest } from './trace-request.js';
import { handleTracesRoute } from '../telemetry/traces-route.js';
import { currentTracing } from '../telemetry/tracing.js';
import { processLogger } from '../telemetry/logger.js';
import { RecentTraces } from '../telemetry/recent-traces.js';
import { useIdempotency } from './idempotency/use-idempotency.js';

export interface RequestInfo {
  identity: Identity;
  /** The signed header as received: handed back to the hub for nested calls made for this caller. */
  identityHeader: string;
  request: Request;
}

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  typeDefs: DocumentNode;
  /** The subgraph's codegen-typed resolver map (see the one cast below). */
  resolvers: object;
  secret: string;
  createContext(info: RequestInfo): TContext | Promise<TContext>;
  /** Extra HTTP routes (image bytes); returns true when it answered the request. */
  route?(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean>;
  /** Registers this server's own Prometheus series (gauges read at scrape time) on its registry, served at /metrics. */
  metrics?(registry: Registry): void;
  /** The service's live event feed (subscriptions): its subscribers are reported at /metrics, and it is closed first on close(). */
  eventFeed?: { readonly subscriberCount: number; close(): Promise<void> };
  /**
   * The service's database, holding lib/subgraph/idempotency's table: mutations sent with an idempotency-key run
   * once per key (idempotency/use-idempotency.ts).
   */
  idempotency?: AppDatabase<Record<string, unknown>>;
}

export interface SubgraphServer {
  server: Server;
  /** True once close() began: /readiness answers 503. */
  readonly draining: boolean;
  listen(port: number, host?: string): Promise<number>;
  /**
   * Graceful: stops accepting, completes open subscriptions, lets requests in flight finish (their connections
   * closed after the answer) and cuts what is left after `graceMs` (default lib/shutdown's grace).
   */
  close(graceMs?: number): Promise<void>;
}

/** The GraphQL operation's name on the request's span: a subgraph fetch is then told apart from its neighbours. */
const operationNameOnSpan: Plugin = {
  onParams({ params }) {
    if (params.operationName) nameRequestSpan(params.operationName);
  },
};

/**
 * A federated subgraph over HTTP: /graphql (only with the gateway's signed identity), /health, /metrics, /traces.
 * Each request runs under its x-request-id and in a SERVER span continuing the caller's traceparent.
 * Every subgraph is built with this one function so that auth, error masking and health behave alike.
 */
export function createSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const yoga = createYoga({
    // The one cast for every subgraph: codegen's Resolvers type (optional fields, DateTime a GraphQLScalarType,
    // parents typed as rows) is not assignable to @apollo/subgraph's loose GraphQLResolverMap, though it is the
    // same object that buildSubgraphSchema reads at run time.
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    healthCheckEndpoint: '/health',
    maskedErrors: { maskError: maskError(options.name) },
    logging: false,
    plugins: [
      operationNameOnSpan,
      ...(options.idempotency
        ? [useIdempotency({ name: options.name, db: options.idempotency, userOf: (request) => verifyIdentity(request.headers.get(IDENTITY_HEADER), options.secret)?.userId ?? null })]
        : []),
    ],
    context: async ({ request }) => {
      const identityHeader = request.headers.get(IDENTITY_HEADER) ?? '';
      const identity = verifyIdentity(identityHeader, options.secret);
      // The subgraph's own port is no way around the gateway: without its signature nothing runs.
      if (!identity) throw unauthenticated('This service answers only requests signed by the gateway; call the gateway instead.');
      return options.createContext({ identity, identityHeader, request });
    },
  });

  const metrics = serverRegistry(options.name, options.eventFeed);
  options.metrics?.(metrics);
  // The process's traces (startTracing in main.ts, or in the test that hosts this server); none when never started.
  const noTraces = new RecentTraces(1);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (options.route && (await options.route(req, res))) return;
      await yoga.requestListener(req, res);
    } catch (err) {
      processLogger(options.name).error({ err }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    }
  };

  const server = createServer((req, res) => {
    if (req.url === '/readiness' && req.method === 'GET') {
      // 503 from the moment the service starts stopping, so that whoever routes here stops sending.
      res.writeHead(drain.draining ? 503 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: drain.draining ? 'draining' : 'ready' }));
      return;
    }
    if (req.url === '/metrics' && req.method === 'GET') {
      serveMetrics(res, options.name, metrics).catch((err: unknown) => {
        processLogger(options.name).error({ err }, 'metrics collection failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    if (handleTracesRoute(req, res, { secret: options.secret, recent: currentTracing()?.recent ?? noTraces })) return;
    // Health probes and scrapes every few seconds would push the requests worth reading out of the kept traces.
    if (req.url === '/health') return void handle(req, res);
    traceRequest(options.name, req, res, () => handle(req, res));
  });
  // Keep-alive longer than the gateway's pool idle timeout, so the server never closes a socket the gateway is about to reuse.
  server.keepAliveTimeout = 65_000;
  // Graceful shutdown: in-flight requests finish, idle keep-alive connections close, /readiness turns 503.
  const drain = new HttpDrain(server);

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    get draining() {
      return drain.draining;
    },
    close: async (graceMs = SHUTDOWN_GRACE_MS) => {
      drain.begin();
      // Subscriptions end with `complete`: their streams would otherwise hold the drain until the grace ran out.
      await options.eventFeed?.close();
      const { cut } = await drain.finished(graceMs);
      if (cut > 0) console.error(`[${options.name}] ${cut} request(s) still running after ${graceMs} ms were cut`);
    },
  };
}
