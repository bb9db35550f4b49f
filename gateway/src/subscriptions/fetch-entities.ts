import { GraphQLError } from 'graphql';
import type { Identity } from '#lib/auth/index.js';
import type { SubgraphDataSource } from '../data-source/subgraph-data-source.js';
import type { EntityFetcher, JsonObject } from './resolve-entities.js';
import { serviceUnavailable } from './upstream-subscription.js';

export interface EntityFetcherOptions {
  /** The gateway's data source of each subgraph, by name (the ones query planning uses). */
  dataSources: ReadonlyMap<string, SubgraphDataSource>;
  /** The subscriber: every entity fetch runs with its identity, as the fetches of its queries do. */
  identity: Identity;
}

/**
 * `_entities` queries for subscription events, sent through the subgraph's SubgraphDataSource as a query plan's fetches
 * are: the hub's policies (bulkhead, load balancing over instances, breakers, retries of a query), tracing and
 * message tracking. A subgraph that cannot answer gives its SERVICE_UNAVAILABLE error, for the fields it owns.
 */
export function entityFetcher(options: EntityFetcherOptions): EntityFetcher {
  return async (graph, query, variables) => {
    const dataSource = options.dataSources.get(graph);
    if (!dataSource) return { errors: [serviceUnavailable(graph, 'not in the supergraph')] };
    try {
      const response = await dataSource.call({ query, variables }, options.identity);
      const errors = (response.errors ?? []).map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions }));
      return { data: (response.data as JsonObject | null | undefined) ?? null, errors };
    } catch (err) {
      // SubgraphDataSource's own SERVICE_UNAVAILABLE (with its reason) when the policies gave up.
      if (err instanceof GraphQLError) return { errors: [err] };
      throw err;
    }
  };
}
