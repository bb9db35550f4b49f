import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { useApolloFederation } from '@envelop/apollo-federation';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GatewayConfig } from './config.js';
import { HubDataSource } from './data-source/hub-data-source.js';
import { createSubgraphAgent } from './data-source/subgraph-agent.js';
import { graphiqlOptions } from './graphiql.js';
import { DEFAULT_MAX_BODY_BYTES, refuseUnboundedBody } from './http/body-limit.js';
import { IMAGES_PREFIX, proxyImage } from './http/image-proxy.js';
import { checkReadiness } from './http/readiness.js';
import { errorBody, sendJson } from './http/send-json.js';
import { maskGatewayError } from './mask-gateway-error.js';
import { useAuth, type AuthContext } from './plugins/use-auth.js';
import { useSubscriptions, type SubscriptionsPlugin } from './plugins/use-subscriptions.js';
import { attachGraphqlWs } from './subscriptions/ws-server.js';
import { listSubgraphs, type SupergraphSubgraph } from './supergraph-subgraphs.js';
import { createHubSubgraph, HUB_SUBGRAPH } from './hub/hub-subgraph.js';
import { dataSourceParticipants } from './hub/transactions/participant-client.js';

/** The one subgraph the gateway knows by name: the optional owner of image bytes served under /images/. */
const IMAGE_SUBGRAPH = 'image';
// 2 s: a subgraph slower than that to answer a trivial /health is not one to route traffic to.
const DEFAULT_READINESS_TIMEOUT_MS = 2_000;
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
  /** The supergraph's subgraphs with the URLs actually used (overrides applied). */
  subgraphs: SupergraphSubgraph[];
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

function applyOverrides(subgraphs: SupergraphSubgraph[], overrides: Record<string, string>): SupergraphSubgraph[] {
  const names = new Set(subgraphs.map((subgraph) => subgraph.name));
  for (const name of Object.keys(overrides)) {
    if (!names.has(name)) console.warn(`gateway: URL override for "${name}" ignored: the supergraph has no such subgraph`);
  }
  return subgraphs.map((subgraph) => ({ name: subgraph.name, url: overrides[subgraph.name] ?? subgraph.url }));
}

/** Builds the hub gateway for any composed supergraph: yoga + @apollo/gateway + the hub's routes, not listening. */
export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  // Here rather than in a script: every way of starting the gateway must keep usage reports off.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';

  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const subgraphs = applyOverrides(listSubgraphs(supergraphSdl), config.subgraphUrls ?? {});
  const urlOf = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const agent = createSubgraphAgent();

  // The hub's own subgraph, when the supergraph has one, is served in-process; its coordinator calls the other
  // subgraphs through the very data sources query planning uses.
  const dataSources = new Map<string, HubDataSource>();
  const hub = subgraphs.some((subgraph) => subgraph.name === HUB_SUBGRAPH)
    ? await createHubSubgraph({
        participants: dataSourceParticipants(dataSources),
        transactionTimeoutMs: config.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
      })
    : undefined;

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (hub && name === HUB_SUBGRAPH) return hub.dataSource;
      const dataSource = new HubDataSource({ name, url: urlOf.get(name) ?? url ?? '', secret: config.secret, dispatcher: agent });
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });
  await gateway.load();
  hub?.coordinator.start();

  // @apollo/gateway executes no subscriptions: this plugin routes them to the owning subgraph (SSE and graphql-ws).
  const subscriptions = useSubscriptions({ supergraphSdl, subgraphs, secret: config.secret, dispatcher: agent });
  const yoga = createYoga<Record<string, never>, AuthContext>({
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: graphiqlOptions({ secret: config.secret, embedded: config.secretEmbedded }),
    maskedErrors: { maskError: maskGatewayError },
    // yoga would log every client mistake (an unknown enum value) as an error; maskError logs the real ones.
    logging: false,
    plugins: [useAuth({ secret: config.secret }), useApolloFederation({ gateway }), subscriptions],
  });

  // The in-process hub has no /health of its own: it is ready when the gateway is.
  const remoteSubgraphs = subgraphs.filter((subgraph) => !(hub && subgraph.name === HUB_SUBGRAPH));
  const image = subgraphs.find((subgraph) => subgraph.name === IMAGE_SUBGRAPH);
  const imageOrigin = image ? new URL(image.url).origin : undefined;
  const readinessTimeoutMs = config.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS;
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  // Probes and image bytes are answered before the GraphQL pipeline: a probe must not depend on auth or
  // on GraphQL plugins, and image bytes are streamed straight from the image service's response.
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/readiness') {
      const report = await checkReadiness({ loaded: gateway.schema !== undefined, targets: remoteSubgraphs, dispatcher: agent, timeoutMs: readinessTimeoutMs });
      return sendJson(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'unavailable', subgraphs: report.subgraphs });
    }
    if (imageOrigin && pathname.startsWith(IMAGES_PREFIX)) return proxyImage(req, res, imageOrigin, agent);
    if (refuseUnboundedBody(req, res, maxBodyBytes)) return;
    await yoga.requestListener(req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error('[gateway] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  });

  const graphqlWs = attachGraphqlWs(server, yoga, config.secret);

  let closing: Promise<void> | undefined;
  return {
    server,
    yoga,
    gateway,
    subscriptions,
    subgraphs,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      (closing ??= (async () => {
        // Open subscriptions first: their connections would otherwise keep server.close() waiting.
        await graphqlWs.close();
        await subscriptions.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await stopped;
        await gateway.stop();
        await hub?.close();
        await agent.close();
      })()),
  };
}
