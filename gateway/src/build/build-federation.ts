import { ApolloGateway } from '@apollo/gateway';
import type { HubConfig } from '#lib/config/hub-config.js';
import type { GatewayConfig } from '../config.js';
import { SubgraphDataSource } from '../data-source/subgraph-data-source.js';
import type { CustomPolicy } from '../fetch-pipeline/custom-policies.js';
import { HUB_SUBGRAPH } from '../gateway-subgraph/hub-subgraph.js';
import { useSubscriptions } from '../plugins/use-subscriptions.js';
import { watchedSupergraph } from '../supergraph-watcher.js';
import type { GatewaySubgraph } from './build-gateway-subgraph.js';
import type { Services } from './build-services.js';

/** @apollo/gateway over the services' data sources, and the subscriptions it does not execute; not loaded yet. */
export function buildFederation(
  config: GatewayConfig,
  hubConfig: HubConfig,
  supergraphSdl: string,
  services: Services,
  hub: GatewaySubgraph | undefined,
  customPolicies: readonly CustomPolicy[] = [],
) {
  const { registry, identities, agent, defaults, observability, rootFieldTimeouts, dataSources, urlsOf } = services;
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

      const dataSource = new SubgraphDataSource({
        name,
        service,
        identities,
        dispatcher: agent,
        defaults,
        observer: observability.fetchObserver,
        rootFieldTimeouts,
        custom: customPolicies,
      });

      dataSources.set(name, dataSource);
      return dataSource;
    },
  });
  return { gateway, subscriptions };
}
