import type { ExecutionArgs, ExecutionResult } from 'graphql';
import type { Agent } from 'undici';
import type { SubgraphDataSource } from '../data-source/subgraph-data-source.js';
import type { Identity } from '#lib/auth/index.js';
import { entityFetcher } from './fetch-entities.js';
import type { LiveSubscriptions } from './live-results.js';
import { resolveEntities } from './resolve-entities.js';
import { routeOf } from './route-plan.js';
import { shapeResult } from './shape-result.js';
import type { SupergraphJoins } from './supergraph-joins.js';
import { subscribeUpstream } from './upstream-subscription.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';

export interface Router {
  /** Which subgraph owns each subscription field and entity: the supergraph being served (replaced on reload). */
  joins: SupergraphJoins;
  /** The instances a subscription to the service may open on, in the order to try; undefined for an unknown service. */
  streamUrls(service: string): string[] | undefined;
  /** The gateway's data source of each subgraph, for the per-event entity fetches. */
  dataSources: ReadonlyMap<string, SubgraphDataSource>;
  identities: GatewayIdentities;
  /** The pool that holds subscriptions' long-lived connections. */
  subscriptionAgent: Agent;
  connectTimeoutMs: number;
  live: LiveSubscriptions;
}

/**
 * One client subscription: to the subgraph owning its root field, with the fields of other subgraphs split off
 * (entity-plan.ts) and fetched for every event, then the client's exact selection shaped out of the merged data.
 */
export async function routeSubscription(
  router: Router,
  args: ExecutionArgs,
  identity: Identity,
  requestId?: string,
): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
  const route = routeOf(router, args);
  if (!('owner' in route)) return route;
  const { operation, fragments, owner, urls, planned, query } = route;
  // Nothing of another subgraph: the client's operation goes as it is, and results come back untouched.
  const simple = planned.fetches.length === 0;
  const upstream = await subscribeUpstream({
    subgraph: owner,
    urls,
    query,
    variables: args.variableValues ?? undefined,
    operationName: operation.name?.value,
    identity,
    requestId,
    identities: router.identities,
    dispatcher: router.subscriptionAgent,
    connectTimeoutMs: router.connectTimeoutMs,
  });
  if (!(Symbol.asyncIterator in upstream)) return upstream;
  if (simple) return router.live.track(upstream);

  const fetcher = entityFetcher({ dataSources: router.dataSources, identity });
  const variables = args.variableValues ?? undefined;
  return router.live.track(upstream, async (result) => {
    if (!result.data) return result;
    const errors = [...(result.errors ?? [])];
    await resolveEntities([{ object: result.data, path: [] }], planned.fetches, {
      fetcher,
      variables,
      variableDefinitions: operation.variableDefinitions ?? [],
      errors,
    });
    const data = shapeResult(args.schema, result.data, operation.selectionSet, fragments, variables);
    return errors.length > 0 ? { data, errors } : { data };
  });
}
