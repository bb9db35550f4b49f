import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { Registry } from 'prom-client';
import { createYoga, type Plugin } from 'graphql-yoga';
import { EMPTY_BODY_HASH, IDENTITY_HEADER, type Identity } from '../auth/identity.js';
import { createNonceStore } from '../auth/create-nonce-store.js';
import { hubSecretOf, ownServiceKey } from '../auth/service-keys.js';
import { CAPABILITY_HEADER, coordinatorPublicKey, readCapability, type CapabilityClaims } from '../transactions/capability.js';
import type { GatewayCaller } from '../gateway-client/gateway-caller.js';
import { DEFAULT_MAX_BODY_BYTES, refuseUnboundedBody } from '../http/body-limit.js';
import { currentRequestId } from '../telemetry/request-context.js';
import type { AppDatabase } from '../db/open-database.js';
import { maskSubgraphError } from './domain-error-mapping.js';
import { unauthenticated } from '../graphql/errors.js';
import { callerOf, refusedResponse, useVerifiedCaller } from './use-verified-caller.js';
import { CallerVerifier } from './verify-caller.js';
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
  /** For the calls this request makes through the hub: they are delegated for this request (lib/gateway-client). */
  hub: GatewayCaller;
  /** The request's id (x-request-id, else a fresh one: trace-request.ts), for logs, spans and event metadata alike. */
  requestId: string;
  /** The coordinator's capability for a transaction step addressed to this service, when the request carries a valid one. */
  capability: CapabilityClaims | null;
  request: Request;
}

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  typeDefs: DocumentNode;
  /** The subgraph's codegen-typed resolver map (see the one cast below). */
  resolvers: object;
  /** The auth secret this service's key derives from (lib/auth/service-keys.ts), unless SERVICE_KEY gives the key. */
  secret: string;
  createContext(info: RequestInfo): TContext | Promise<TContext>;
  /**
   * Extra GET routes (image bytes), for a caller the gateway signed as for /graphql; returns true when it answered.
   * They read no body: the identity covers an empty one.
   */
  route?(req: IncomingMessage, res: ServerResponse, caller: RouteCaller): boolean | Promise<boolean>;
  /** Where this service reaches the hub; default HUB_URL (tests give each server its own fake gateway). */
  hubUrl?: string;
  /** The service's own liveness check, awaited before /health answers (a database ping); default none. */
  health?(): Promise<void> | undefined;
  /** The largest request body read (default lib/http's, the gateway's own); a larger one is answered 413 unread. */
  maxBodyBytes?: number;
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

/** Who called an extra route: the verified identity, and the hub caller for nested calls. */
export interface RouteCaller {
  identity: Identity;
  hub: GatewayCaller;
}

export interface SubgraphServer {
  /** The service's name: the audience of the headers it accepts. */
  readonly name: string;
  server: Server;
  /** True once close() began: /readiness answers 503. */
  readonly draining: boolean;
  listen(port: number, host?: string): Promise<number>;
  /** /readiness answers 503 from now on while the server still listens (the llm drains generations first). */
  beginDraining(): void;
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

/** Writes a fetch Response (a refusal) to a node response. */
async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The subgraph kit: every service's HTTP server, so that identity, body limit, request id, health and metrics
 * behave alike. /graphql and every other route answer only a request the gateway signed for this service
 * (verify-caller.ts); /health and /readiness answer anyone, as probes must, and say nothing but up or draining.
 * Each request runs under its x-request-id and in a SERVER span continuing the caller's traceparent.
 * Every subgraph is built with this one function so that auth, error masking and health behave alike.
 */
export function createSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const key = ownServiceKey(options.name, options.secret);
  const verifier = new CallerVerifier(options.name, key, createNonceStore(options.name));
  const hubCallerFor = (forRequest: string, userId: string | null): GatewayCaller => ({ service: options.name, key, forRequest, userId, url: options.hubUrl });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Derived on the first protocol call: most requests carry no capability.
  let coordinator: KeyObject | undefined;
  const capabilityOf = (request: Request): CapabilityClaims | null => {
    const token = request.headers.get(CAPABILITY_HEADER);
    if (!token) return null;
    coordinator ??= coordinatorPublicKey(() => hubSecretOf(options.secret));
    const claims = readCapability(coordinator, token);
    // For this very service only: a capability for another participant is no capability here.
    return claims?.participant === options.name ? claims : null;
  };
  const yoga = createYoga({
    // The one cast for every subgraph: codegen's Resolvers type (optional fields, DateTime a GraphQLScalarType,
    // parents typed as rows) is not assignable to @apollo/subgraph's loose GraphQLResolverMap, though it is the
    // same object that buildSubgraphSchema reads at run time.
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    healthCheckEndpoint: '/health',
    maskedErrors: { maskError: maskSubgraphError(options.name) },
    logging: false,
    plugins: [
      useVerifiedCaller(verifier),
      operationNameOnSpan,
      ...(options.idempotency
        ? [useIdempotency({ name: options.name, db: options.idempotency, userOf: (request) => callerOf(request)?.identity.userId ?? null })]
        : []),
    ],
    context: async ({ request }) => {
      const caller = callerOf(request);
      // Set by useVerifiedCaller before anything runs; a request without it never got this far.
      if (!caller) throw unauthenticated('This service answers only requests signed by the gateway; call the gateway instead.');
      return options.createContext({
        identity: caller.identity,
        hub: hubCallerFor(caller.claims.jti, caller.identity.userId),
        requestId: currentRequestId() ?? caller.claims.jti,
        capability: capabilityOf(request),
        request,
      });
    },
  });

  const metrics = serverRegistry(options.name, options.eventFeed);
  options.metrics?.(metrics);
  // The process's traces (startTracing in main.ts, or in the test that hosts this server); none when never started.
  const noTraces = new RecentTraces(1);
  const recentTraces = () => currentTracing()?.recent ?? noTraces;
  // Every route but the probes, for the caller the gateway signed: metrics and traces name users' operations.
  const serveRoute = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const header = req.headers[IDENTITY_HEADER];
    const verified = await verifier.verify(typeof header === 'string' ? header : undefined, { method: req.method ?? 'GET', path, bodyHash: EMPTY_BODY_HASH });
    if ('refusal' in verified) return sendResponse(res, refusedResponse(verified.refusal));
    if (path === '/metrics' && req.method === 'GET') return serveMetrics(res, options.name, metrics);
    if (handleTracesRoute(req, res, recentTraces())) return;
    const caller = { identity: verified.identity, hub: hubCallerFor(verified.claims.jti, verified.identity.userId) };
    if (options.route && (await options.route(req, res, caller))) return;
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ errors: [{ message: `No route ${req.method} ${path.split('?', 1)[0]}`, extensions: { code: 'NOT_FOUND' } }] }));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (refuseUnboundedBody(req, res, maxBodyBytes)) return;
      const pathname = (req.url ?? '/').split('?', 1)[0];
      if (pathname === '/health') await options.health?.();
      if (pathname === '/graphql' || pathname === '/health') await yoga.requestListener(req, res);
      else await serveRoute(req, res);
    } catch (err) {
      processLogger(options.name).error({ err }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    }
  };

  const server = createServer((req, res) => {
    if (req.url === '/readiness' && req.method === 'GET') {
      // 503 from the moment the service starts stopping, so that whoever routes here stops sending.
      const draining = markedDraining || drain.draining;
      res.writeHead(draining ? 503 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: draining ? 'draining' : 'ready' }));
      return;
    }
    // Health probes and scrapes every few seconds would push the requests worth reading out of the kept traces.
    if (req.url === '/health' || req.url === '/metrics') return void handle(req, res);
    traceRequest(options.name, req, res, () => handle(req, res));
  });
  // Keep-alive longer than the gateway's pool idle timeout, so the server never closes a socket the gateway is about to reuse.
  server.keepAliveTimeout = 65_000;
  // Graceful shutdown: in-flight requests finish, idle keep-alive connections close, /readiness turns 503.
  const drain = new HttpDrain(server);
  let markedDraining = false;

  return {
    name: options.name,
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    beginDraining: () => {
      markedDraining = true;
    },
    get draining() {
      return markedDraining || drain.draining;
    },
    close: async (graceMs = SHUTDOWN_GRACE_MS) => {
      drain.begin();
      // Subscriptions end with `complete`: their streams would otherwise hold the drain until the grace ran out.
      await options.eventFeed?.close();
      const { cut } = await drain.finished(graceMs);
      if (cut > 0) console.error(`[${options.name}] ${cut} request(s) still running after ${graceMs} ms were cut`);
      await verifier.close();
    },
  };
}
