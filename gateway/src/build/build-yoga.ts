import type { ApolloGateway } from '@apollo/gateway';
import { useApolloFederation } from '@envelop/apollo-federation';
import { createYoga, type GraphiQLOptions } from 'graphql-yoga';
import { introspectionOpen } from '#lib/config/demand-control-config.js';
import type { HubConfig } from '#lib/config/hub-config.js';
import type { GatewayConfig } from '../config.js';
import { gatewayContextOf, type GatewayContext, type GatewayYoga, type ServerContext } from '../context/gateway-context.js';
import type { RenderPlayground } from '../http/playground-shell.js';
import { maskGatewayError } from '../mask-gateway-error.js';
import { useAuth } from '../plugins/use-auth.js';
import { useCostLimit } from '../plugins/use-cost-limit.js';
import { useGenerationRateLimit } from '../plugins/use-generation-rate-limit.js';
import { useIntrospection } from '../plugins/use-introspection.js';
import { useMaxAliases } from '../plugins/use-max-aliases.js';
import { useMaxDepth } from '../plugins/use-max-depth.js';
import { useMaxRootFields } from '../plugins/use-max-root-fields.js';
import { useMaxTokens } from '../plugins/use-max-tokens.js';
import { useRequestId } from '../plugins/use-request-id.js';
import { useRequestPolicy } from '../plugins/use-request-policy.js';
import { useRequestRecording } from '../plugins/use-request-recording.js';
import { useServerTiming } from '../plugins/use-server-timing.js';
import type { SubscriptionsPlugin } from '../plugins/use-subscriptions.js';
import { useTracing } from '../plugins/use-tracing.js';
import { useTrustedDocuments } from '../plugins/use-trusted-documents.js';
import type { Services } from './build-services.js';

export interface YogaDeps {
  config: GatewayConfig;
  hubConfig: HubConfig;
  services: Services;
  gateway: ApolloGateway;
  subscriptions: SubscriptionsPlugin;
  playgroundOptions: (caller: { loopback: boolean }) => Promise<GraphiQLOptions>;
  /** GraphiQL's page shell, linking the hashed assets (http/playground-shell.ts). */
  renderPlayground: RenderPlayground;
}

/** The GraphQL pipeline: yoga with the gateway's plugins, in the order they run. */
export function buildYoga({ config, hubConfig, services, gateway, subscriptions, playgroundOptions, renderPlayground }: YogaDeps): GatewayYoga {
  const { identities, observability, requestTimeoutMs, defaults } = services;
  const limits = hubConfig.message_hub.limits;
  return createYoga<ServerContext, GatewayContext>({
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The one GatewayContext of the request, which the plugins below filled from onRequest on.
    context: ({ request }) => gatewayContextOf(request),
    // GraphiQL's page is served by routes/playground.ts, compressed and revalidated; yoga's options and page stay the
    // same in case a request reaches it. The page loads GraphiQL from the gateway's own hashed assets: yoga's default
    // loads it from unpkg.com, which a machine with no network (npm start's promise, CI) cannot reach. Never with the
    // demo token: yoga's copy cannot tell where the request came from.
    graphiql: () => playgroundOptions({ loopback: false }),
    renderGraphiQL: renderPlayground,
    maskedErrors: { maskError: maskGatewayError },
    // yoga would log every client mistake (an unknown enum value) as an error; maskError logs the real ones.
    logging: false,
    // Bodies are bounded before yoga sees them (routes/graphql.ts); yoga's own limit would pipe every body through
    // one more stream.
    maxRequestBodySize: false,
    plugins: [
      // Observability first (request id, SERVER span, tracking and metrics): they see answers later plugins end early.
      useRequestId(),
      ...(observability.tracer ? [useTracing({ tracer: observability.tracer })] : []),
      useRequestRecording(observability.recording),
      useServerTiming(),
      useAuth({ secret: config.secret, identities, tokens: hubConfig.auth }),
      // Demand control (hub.yaml message_hub.limits, introspection, trusted_documents, rate_limits): every refusal
      // before the gateway plans the operation, so a refused operation costs the subgraphs nothing.
      useTrustedDocuments({ config: hubConfig.message_hub.trusted_documents }),
      useMaxTokens({ maxTokens: limits.max_tokens }),
      useMaxDepth({ maxDepth: limits.max_depth }),
      useMaxAliases({ maxAliases: limits.max_aliases }),
      useMaxRootFields({ maxRootFields: limits.max_root_fields }),
      useIntrospection({ open: introspectionOpen(hubConfig.message_hub.introspection) }),
      useCostLimit({ maxCost: limits.max_cost, defaultListSize: limits.default_list_size }),
      useGenerationRateLimit({ config: hubConfig.message_hub.rate_limits.generation, redisUrl: process.env.REDIS_URL }),
      useRequestPolicy({ requestTimeoutMs, defaultPriority: defaults.priority, rootFields: hubConfig.message_hub.priority.root_fields }),
      useApolloFederation({ gateway }),
      subscriptions,
    ],
  });
}
