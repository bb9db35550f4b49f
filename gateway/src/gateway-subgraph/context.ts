import DataLoader from 'dataloader';
import type { TransactionBranchRow, TransactionRow } from './db/schema.js';
import type { GatewayContext } from '../context/gateway-context.js';
import type { HubObservability } from '../observability/gateway-observability.js';
import type { ServiceSnapshot } from '../resilience/resilient-service.js';
import type { TransactionCoordinator } from './transactions/coordinator.js';

/** What the in-process hub subgraph reads of the gateway request's context (its caller). */
export type HubContext = Pick<GatewayContext, 'identity'>;

export type { HubObservability };

/** What the hub's resolvers are built with (gateway/src/gateway-subgraph/resolvers). */
/** What Query.hub reads: the gateway's service registry (resilience/service-registry.ts). */
export interface ServiceRegistryView {
  snapshot(): ServiceSnapshot[];
}

export interface HubServices {
  coordinator: TransactionCoordinator;
  registry: ServiceRegistryView;
  observability?: HubObservability | undefined;
  /** Per-request loaders, made on first use for each request context (a loader's cache never outlives it). */
  loaders(context: HubContext): HubLoaders;
}

export interface HubLoaders {
  transaction: DataLoader<string, TransactionRow | null>;
  branches: DataLoader<string, TransactionBranchRow[]>;
}

export function hubServices(coordinator: TransactionCoordinator, registry: ServiceRegistryView, observability?: HubObservability): HubServices {
  const perRequest = new WeakMap<HubContext, HubLoaders>();
  return {
    coordinator,
    registry,
    observability,
    loaders(context) {
      let loaders = perRequest.get(context);
      if (!loaders) {
        loaders = {
          transaction: new DataLoader(async (ids) => {
            const rows = await coordinator.log.getMany(ids);
            return ids.map((id) => rows.find((row) => row.id === id) ?? null);
          }),
          branches: new DataLoader(async (ids) => {
            const rows = await coordinator.log.branches(ids);
            return ids.map((id) => rows.filter((row) => row.transactionId === id));
          }),
        };
        perRequest.set(context, loaders);
      }
      return loaders;
    },
  };
}
