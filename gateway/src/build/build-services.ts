import type { HubConfig } from '#lib/config/hub-config.js';
import { createNonceStore, GATEWAY, hubSecretOf } from '#lib/auth/index.js';
import type { GatewayConfig } from '../config.js';
import type { SubgraphDataSource } from '../data-source/subgraph-data-source.js';
import { createSubgraphAgent } from '../data-source/subgraph-agent.js';
import { GatewayIdentities } from '../identity/gateway-identities.js';
import { createGatewayObservability } from '../observability/gateway-observability.js';
import { RootFieldTimeouts } from '../resilience/root-field-timeouts.js';
import { ServiceRegistry } from '../resilience/service-registry.js';
import { listSubgraphs } from '../supergraph-subgraphs.js';

function warnUnknownOverrides(subgraphs: { name: string }[], overrides: Record<string, unknown>): void {
  const names = new Set(subgraphs.map((subgraph) => subgraph.name));
  for (const name of Object.keys(overrides)) {
    if (!names.has(name)) console.warn(`gateway: URL override for "${name}" ignored: the supergraph has no such subgraph`);
  }
}

export type Services = ReturnType<typeof buildServices>;

/** What every data source, the hub and the routes share: the services' registry, one pool, signing, observability. */
export function buildServices(config: GatewayConfig, hubConfig: HubConfig, supergraphSdl: string) {
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
  // Signs every request to a service and verifies what services send back (identity/gateway-identities.ts).
  const identities = new GatewayIdentities(hubSecretOf(config.secret), createNonceStore(GATEWAY), requestTimeoutMs);
  // Tracing, metrics, message tracking and the access log (hub.yaml observability): plugins, fetch observer, Query.hub.
  const observability = createGatewayObservability({ config: hubConfig.observability, services: () => registry.snapshot(), identities, dispatcher: agent });
  // Filled by buildService (build-federation.ts): the hub's coordinator and subscriptions call through them too.
  const dataSources = new Map<string, SubgraphDataSource>();
  return { subgraphs, urlsOf, requestTimeoutMs, agent, registry, defaults, rootFieldTimeouts, identities, observability, dataSources };
}
