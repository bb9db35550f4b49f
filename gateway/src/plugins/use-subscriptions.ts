import type { Plugin } from 'graphql-yoga';
import { Agent } from 'undici';
import type { GatewayContext } from '../context/gateway-context.js';
import type { SubgraphDataSource } from '../data-source/subgraph-data-source.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import type { ServiceRegistry } from '../resilience/service-registry.js';
import { LiveSubscriptions } from '../subscriptions/live-results.js';
import { routeSubscription, type Router } from '../subscriptions/route-subscription.js';
import { SupergraphJoins } from '../subscriptions/supergraph-joins.js';

export interface SubscriptionsOptions {
  supergraphSdl: string;
  /** The services' instances, breakers and health: a subscription opens on an instance their load balancer picks. */
  registry: Pick<ServiceRegistry, 'get'>;
  /** The gateway's data source of each subgraph: entity fetches for events go through them. */
  dataSources: ReadonlyMap<string, SubgraphDataSource>;
  /** Signs the subscriptions sent to subgraphs (identity/gateway-identities.ts). */
  identities: GatewayIdentities;
  /** 10 s by default: a subgraph registers a subscription in milliseconds; ten seconds of silence means it is stuck. */
  connectTimeoutMs?: number;
}

export interface SubscriptionsPlugin extends Plugin<GatewayContext> {
  /** Subscriptions being forwarded right now. */
  readonly liveCount: number;
  /** Routes new subscriptions by a reloaded supergraph; those already open keep the instance they are on. */
  reload(supergraphSdl: string): void;
  /** Ends every forwarded subscription (their clients get `complete`) and closes the upstream connections. */
  close(): Promise<void>;
}

/**
 * Subscriptions through the gateway (@apollo/gateway executes only queries and mutations): the operation goes to
 * the subgraph that owns its root field, per the supergraph's join directives, over GraphQL over SSE and signed
 * with the caller's identity; fields of other subgraphs are fetched for each event (route-subscription.ts). The
 * results reach the client over SSE (yoga) or graphql-ws (ws-server.ts), which both run this same subscribe.
 * A client that goes away aborts the upstream subscription.
 */
export function useSubscriptions(options: SubscriptionsOptions): SubscriptionsPlugin {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const router: Router = {
    joins: new SupergraphJoins(options.supergraphSdl),
    streamUrls: (service) => options.registry.get(service)?.streamUrls(),
    dataSources: options.dataSources,
    identities: options.identities,
    // A pool of its own, unbounded and without a body timeout: each subscription holds one connection for as long
    // as it lives, which must not take sockets from queries (the shared pool caps them) nor be cut while quiet.
    // A dead connection still shows: the subgraph pings every 12 s, and the socket errors when the peer is gone.
    // 30 s idle keep-alive, as the shared pool: under the subgraphs' 65 s, so the gateway closes idle sockets first.
    subscriptionAgent: new Agent({ keepAliveTimeout: 30_000, headersTimeout: connectTimeoutMs, bodyTimeout: 0 }),
    connectTimeoutMs,
    live: new LiveSubscriptions(),
  };

  return {
    onSubscribe({ args: { contextValue }, setSubscribeFn }) {
      setSubscribeFn((args) => routeSubscription(router, args, contextValue.identity, contextValue.requestId));
    },
    get liveCount() {
      return router.live.size;
    },
    reload(supergraphSdl) {
      router.joins = new SupergraphJoins(supergraphSdl);
    },
    async close() {
      await router.live.close();
      await router.subscriptionAgent.destroy();
    },
  };
}
