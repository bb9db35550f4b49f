import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloGateway } from '@apollo/gateway';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { DEFAULT_MAX_BODY_BYTES } from '#lib/http/body-limit.js';
import { errorBody, sendJson } from '#lib/http/send-json.js';
import { HttpDrain } from '#lib/shutdown/http-drain.js';
import { SHUTDOWN_GRACE_MS } from '#lib/shutdown/shutdown-grace.js';
import { buildFederation } from './build/build-federation.js';
import { buildGatewaySubgraph } from './build/build-gateway-subgraph.js';
import { buildServices } from './build/build-services.js';
import { buildYoga } from './build/build-yoga.js';
import { closeGateway } from './build/close-gateway.js';
import type { GatewayConfig } from './config.js';
import type { GatewayYoga } from './context/gateway-context.js';
import { loadCustomPolicies } from './fetch-pipeline/custom-policies.js';
import { graphiqlOptions } from './graphiql.js';
import { playgroundAssets } from './http/playground-assets.js';
import { PlaygroundPage } from './http/playground-page.js';
import { playgroundShell } from './http/playground-shell.js';
import type { GatewayObservability } from './observability/gateway-observability.js';
import type { SubscriptionsPlugin } from './plugins/use-subscriptions.js';
import type { ServiceRegistry } from './resilience/service-registry.js';
import { httpRoutes } from './routes/index.js';
import { IMAGE_SUBGRAPH } from './routes/images.js';
import { attachGraphqlWs } from './subscriptions/ws-server.js';
import type { SupergraphSubgraph } from './supergraph-subgraphs.js';

export interface Gateway {
  /** Created, not listening: `listen` starts it (tests on port 0). */
  server: Server;
  yoga: GatewayYoga;
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

/** Builds the hub gateway for any composed supergraph: yoga + @apollo/gateway + the hub's routes, not listening. */
export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  // Here rather than in a script: every way of starting the gateway must keep usage reports off.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';

  const hubConfig = config.hubConfig ?? parseHubConfig('');
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  // Before anything starts: a custom policy module that cannot be loaded stops start-up with its key's name.
  const customPolicies = await loadCustomPolicies(hubConfig.message_hub.custom_policies);
  const services = buildServices(config, hubConfig, supergraphSdl);
  const hub = await buildGatewaySubgraph(config, services);
  const { gateway, subscriptions } = buildFederation(config, hubConfig, supergraphSdl, services, hub, customPolicies);
  await gateway.load();
  services.registry.startHealthPolling();
  hub?.coordinator.start();

  const playgroundOptions = graphiqlOptions({ secret: config.secret, embedded: config.secretEmbedded });
  const assets = playgroundAssets();
  const renderPlayground = playgroundShell(assets.urls);
  const yoga = buildYoga({ config, hubConfig, services, gateway, subscriptions, playgroundOptions, renderPlayground });
  const image = services.subgraphs.find((subgraph) => subgraph.name === IMAGE_SUBGRAPH);

  const server = createServer((req, res) => {
    Promise.resolve(routes(req, res)).catch((err: unknown) => {
      console.error('[gateway] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  });
  const drain = new HttpDrain(server);
  const routes = httpRoutes({
    ...services,
    secret: config.secret,
    yoga,
    gateway,
    drain,
    dispatcher: services.agent,
    playground: new PlaygroundPage(playgroundOptions, renderPlayground),
    playgroundAssets: assets,
    imageOrigin: image ? new URL(image.url).origin : undefined,
    maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  const graphqlWs = attachGraphqlWs(server, yoga, config.secret, services.observability.wsOperations);

  let closing: Promise<void> | undefined;
  return {
    server,
    yoga,
    gateway,
    subscriptions,
    subgraphs: services.subgraphs,
    registry: services.registry,
    observability: services.observability,
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
    close: (graceMs = SHUTDOWN_GRACE_MS) => (closing ??= closeGateway({ drain, graphqlWs, subscriptions, gateway, hub, services }, graceMs)),
  };
}
