import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { useApolloFederation } from '@envelop/apollo-federation';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { parseHubConfig } from '../../lib/config/hub-config.js';
import { HttpDrain } from '../../lib/shutdown/http-drain.js';
import { SHUTDOWN_GRACE_MS } from '../../lib/shutdown/shutdown-grace.js';
import type { GatewayConfig } from './config.js';
import { HubDataSource } from './data-source/hub-data-source.js';
import { createSubgraphAgent } from './data-source/subgraph-agent.js';
import { graphiqlOptions } from './graphiql.js';
import { DEFAULT_MAX_BODY_BYTES, refuseUnboundedBody } from '../../lib/http/body-limit.js';
import { IMAGES_PREFIX, proxyImage } from './http/image-proxy.js';
import { refuseNonOperator } from './http/operator-only.js';
import { PlaygroundPage, wantsPlayground } from './http/playground-page.js';
import { errorBody, sendJson } from '../../lib/http/send-json.js';
import { maskGatewayError } from './mask-gateway-error.js';
import { authenticateRequest, useAuth, type AuthContext } from './plugins/use-auth.js';
import { GatewayIdentities } from './identity/gateway-identities.js';
import { createNonceStore, EMPTY_BODY_HASH, GATEWAY, hubSecretOf } from '../../lib/auth/index.js';
import { useRequestPolicy } from './plugins/use-request-policy.js';
import { introspectionOpen } from '../../lib/config/demand-control-config.js';
import { useCostLimit } from './plugins/use-cost-limit.js';
import { useGenerationRateLimit } from './plugins/use-generation-rate-limit.js';
import { useIntrospection } from './plugins/use-introspection.js';
import { useMaxAliases } from './plugins/use-max-aliases.js';
import { useMaxDepth } from './plugins/use-max-depth.js';
import { useMaxRootFields } from './plugins/use-max-root-fields.js';
import { useMaxTokens } from './plugins/use-max-tokens.js';
import { useTrustedDocuments } from './plugins/use-trusted-documents.js';
import { useServerTiming } from './plugins/use-server-timing.js';
import { useSubscriptions, type SubscriptionsPlugin } from './plugins/use-subscriptions.js';
import { ServiceRegistry } from './resilience/service-registry.js';
import { attachGraphqlWs } from './subscriptions/ws-server.js';
import { RootFieldTimeouts } from './resilience/root-field-timeouts.js';
import { listSubgraphs, type SupergraphSubgraph } from './supergraph-subgraphs.js';
import { watchedSupergraph } from './supergraph-watcher.js';
import { createHubSubgraph, HUB_SUBGRAPH } from './hub/hub-subgraph.js';
import { createGatewayObservability, type GatewayObservability } from './observability/gateway-observability.js';
import { dataSourceParticipants } from './hub/transactions/participant-client.js';
import { coordinatorKeys } from '../../lib/transactions/capability.js';

/** The one subgraph the gateway knows by name: the optional owner of image bytes served under /images/. */
const IMAGE_SUBGRAPH = 'image';
// 30 s, hub.yaml's documented default: far above a healthy two-service transaction (milliseconds), short enough
// that a stuck one releases its reservations before a user gives up on it.
const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

export interface Gateway {
  /** Created, not listening: `listen` starts it (tests on port 0). */
  server: Server;
  yoga: YogaServerInstance<Record<string, never>, AuthContext>;
  gateway: ApolloGateway;
  /** Subscriptions routed to subgraphs (use-subscriptions.ts). */
  subscriptions: SubscriptionsPlugin;
  /** The supergraph's subgraphs at start-up with the URLs actually used (overrides applied; the first of several). */
  subgraphs: SupergraphSubgraph[];
  /** The services routed to: instances, breakers, queues, health (Query.hub reads it). */
  registry: ServiceRegistry;
  /** Tracing, metrics and message tracking (hub.yaml observability). */
  observability: GatewayObservability;
  /** True once close() began: /readiness answers 503. */
  readonly draining: boolean;
  listen(port: number, host?: string): Promise<number>;
  /**
   * Graceful: stops accepting, ends subscriptions (SSE `complete`, graphql-ws 1001), lets requests in flight finish
   * with Connection: close, cuts what is left after `graceMs` (default lib/shutdown's grace), then closes pools.
   */
  close(graceMs?: number): Promise<void>;
}

function warnUnknownOverrides(subgraphs: SupergraphSubgraph[], overrides: Record<string, unknown>): void {
  const names = new Set(subgraphs.map((subgraph) => subgraph.name));
  for (const name of Object.keys(overrides)) {
    if (!names.has(name)) console.warn(`gateway: URL override for "${name}" ignored: the supergraph has no such subgraph`);
  }
}

/** Builds the hub gateway for any composed supergraph: yoga + @apollo/gateway + the hub's routes, not listening. */
export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  // Here rather than in a script: every way of starting the gateway must keep usage reports off.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';

  const hubConfig = config.hubConfig ?? parseHubConfig('');
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const overrides = config.subgraphUrls ?? {};
  warnUnknownOverrides(listSubgraphs(supergraphSdl), overrides);
  // Routing URLs: the configured instances (SUBGRAPH_URL_<NAME>, hub.yaml urls), else the supergraph's.
  const urlsOf = (name: string, supergraphUrl: string): string[] => {
    const override = overrides[name];
    return override === undefined ? [supergraphUrl] : typeof override === 'string' ? [override] : override;
  };
  const subgraphs = listSubgraphs(supergraphSdl).map((subgraph) => ({ name: subgraph.name, url: urlsOf(subgraph.name, subgraph.url)[0] ?? subgraph.url }));
  const requestTimeoutMs = hubConfig.message_hub.request_timeout * 1000;
  const agent = createSubgraphAgent({ requestTimeoutMs });
  const registry = new ServiceRegistry(hubConfig, agent);
  const defaults = { requestTimeoutMs, priority: hubConfig.message_hub.priority.default };
  const rootFieldTimeouts = new RootFieldTimeouts(hubConfig.message_hub.root_field_timeouts);
  // Tracing, metrics, message tracking and the access log (hub.yaml observability): plugins, fetch observer, Query.hub.
  // Signs every request to a service and verifies what services send back (identity/gateway-identities.ts).
  const identities = new GatewayIdentities(hubSecretOf(config.secret), createNonceStore(GATEWAY), requestTimeoutMs);
  const observability = createGatewayObservability({ config: hubConfig.observability, services: () => registry.snapshot(), identities, dispatcher: agent });

  // The hub's own subgraph, when the supergraph has one, is served in-process; its coordinator calls the other
  // subgraphs through the very data sources query planning uses.
  const dataSources = new Map<string, HubDataSource>();
  const hub = subgraphs.some((subgraph) => subgraph.name === HUB_SUBGRAPH)
    ? await createHubSubgraph({
        participants: dataSourceParticipants(dataSources, coordinatorKeys(hubSecretOf(config.secret)).privateKey),
        registry,
        transactionTimeoutMs: config.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
        observability: observability.hub,
        onTransactionFinished: (outcome) => observability.metrics?.transaction(outcome === 'COMMITTED' ? 'committed' : 'aborted'),
      })
    : undefined;

  // @apollo/gateway executes no subscriptions: this plugin routes them to the owning subgraph (SSE and graphql-ws),
  // on the instances of the registry and with entity fetches through the data sources.
  const subscriptions = useSubscriptions({ supergraphSdl, registry, dataSources, identities });
  const gateway = new ApolloGateway({
    supergraphSdl: watchedSupergraph({
      file: config.supergraphPath,
      initialSdl: supergraphSdl,
      watch: hubConfig.message_hub.watch_supergraph,
      onReload: (reloaded, sdl) => {
        registry.retain(new Set(reloaded.map((subgraph) => subgraph.name)));
        subscriptions.reload(sdl);
      },
    }),
    // Called for each subgraph at load and again for one whose routing URL a reloaded supergraph changed: the
    // service's breakers and figures live in the registry under its name, so they carry over.
    buildService: ({ name, url }) => {
      if (hub && name === HUB_SUBGRAPH) return hub.dataSource;
      const service = registry.ensure(name, urlsOf(name, url ?? ''));
      const dataSource = new HubDataSource({ name, service, identities, dispatcher: agent, defaults, observer: observability.fetchObserver, rootFieldTimeouts });
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });
  await gateway.load();
  registry.startHealthPolling();
  hub?.coordinator.start();

  const playgroundOptions = graphiqlOptions({ secret: config.secret, embedded: config.secretEmbedded });
  const playground = new PlaygroundPage(playgroundOptions);
  const yoga = createYoga<Record<string, never>, AuthContext>({
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // GraphiQL's page is served by route() (http/playground-page.ts), compressed and revalidated; yoga's options stay
    // the same in case a request reaches it. Its scripts are inlined from the package: yoga's default loads them from
    // unpkg.com, which a machine with no network (npm start's promise, CI) cannot reach. Never with the demo token:
    // yoga's copy cannot tell where the request came from.
    graphiql: () => playgroundOptions({ loopback: false }),
    renderGraphiQL,
    maskedErrors: { maskError: maskGatewayError },
    // yoga would log every client mistake (an unknown enum value) as an error; maskError logs the real ones.
    logging: false,
    // Bodies are bounded before yoga sees them (refuseUnboundedBody in route(): a declared Content-Length within the
    // limit, which Node's parser holds the body to); yoga's own limit would pipe every body through one more stream.
    maxRequestBodySize: false,
    plugins: [
      ...observability.plugins,
      useServerTiming(),
      useAuth({ secret: config.secret, identities, tokens: hubConfig.auth }),
      // Demand control (hub.yaml message_hub.limits, introspection, trusted_documents, rate_limits): every refusal
      // before the gateway plans the operation, so a refused operation costs the subgraphs nothing.
      useTrustedDocuments({ config: hubConfig.message_hub.trusted_documents }),
      useMaxTokens({ maxTokens: hubConfig.message_hub.limits.max_tokens }),
      useMaxDepth({ maxDepth: hubConfig.message_hub.limits.max_depth }),
      useMaxAliases({ maxAliases: hubConfig.message_hub.limits.max_aliases }),
      useMaxRootFields({ maxRootFields: hubConfig.message_hub.limits.max_root_fields }),
      useIntrospection({ open: introspectionOpen(hubConfig.message_hub.introspection) }),
      useCostLimit({ maxCost: hubConfig.message_hub.limits.max_cost, defaultListSize: hubConfig.message_hub.limits.default_list_size }),
      useGenerationRateLimit({ config: hubConfig.message_hub.rate_limits.generation, redisUrl: process.env.REDIS_URL }),
      useRequestPolicy({ requestTimeoutMs, defaultPriority: defaults.priority, rootFields: hubConfig.message_hub.priority.root_fields }),
      useApolloFederation({ gateway }),
      subscriptions,
    ],
  });

  const image = subgraphs.find((subgraph) => subgraph.name === IMAGE_SUBGRAPH);
  const imageOrigin = image ? new URL(image.url).origin : undefined;
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  // Probes and image bytes are answered before the GraphQL pipeline: a probe must not depend on auth or
  // on GraphQL plugins, and image bytes are streamed straight from the image service's response.
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/metrics' && req.method === 'GET') {
      if (await refuseNonOperator(req, res, config.secret)) return;
      return observability.serveMetrics(res);
    }
    if (pathname === '/readiness') {
      // Ready: the supergraph is loaded and every service has an instance answering /health (the in-process
      // hub has none of its own: it is ready when the gateway is).
      // 503 from the moment draining starts, also for a probe that was waiting on the polls: whoever routes here stops.
      const services = drain.draining ? [] : await registry.readiness();
      if (drain.draining) return sendJson(res, 503, { status: 'draining', subgraphs: services });
      const notReady = services.filter((service) => service.status !== 'ok').map((service) => service.name);
      const ready = gateway.schema !== undefined && notReady.length === 0;
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs: services, ...(ready ? {} : { notReady }) });
    }
    if (imageOrigin && pathname.startsWith(IMAGES_PREFIX)) return serveImage(req, res, imageOrigin);
    if (pathname === '/graphql' && wantsPlayground(req)) return playground.serve(req, res);
    if (refuseUnboundedBody(req, res, maxBodyBytes)) return;
    await yoga.requestListener(req, res);
  }

  // Image bytes are the image service's to give or refuse (visibility): it is told who asks, as for a GraphQL fetch.
  async function serveImage(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const authorization = req.headers.authorization;
    const outcome = await authenticateRequest(new Request('http://gateway/', { headers: authorization ? { authorization } : {} }), { secret: config.secret });
    if ('rejection' in outcome) return sendJson(res, 401, errorBody(outcome.rejection, 'UNAUTHENTICATED'));
    const caller = { userId: outcome.identity.userId };
    return proxyImage(req, res, origin, agent, (method, path) => identities.sign(caller, { audience: IMAGE_SUBGRAPH, method, path, body: '' }, { hash: EMPTY_BODY_HASH }).header);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error('[gateway] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  });

  const graphqlWs = attachGraphqlWs(server, yoga, config.secret, observability.wsOperations);
  const drain = new HttpDrain(server);

  let closing: Promise<void> | undefined;
  return {
    server,
    yoga,
    gateway,
    subscriptions,
    subgraphs,
    registry,
    observability,
    get draining() {
      return drain.draining;
    },
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: (graceMs = SHUTDOWN_GRACE_MS) =>
      (closing ??= (async () => {
        // Stop accepting first (idle connections closed, answers in flight marked Connection: close), then end the
        // open subscriptions, whose streams would otherwise hold the drain until the grace ran out.
        drain.begin();
        await graphqlWs.close();
        await subscriptions.close();
        const { cut } = await drain.finished(graceMs);
        if (cut > 0) console.error(`gateway: ${cut} request(s) still running after ${graceMs} ms were cut`);
        registry.stop();
        observability.close();
        await gateway.stop();
        await hub?.close();
        await agent.close();
        await identities.close();
      })()),
  };
}
