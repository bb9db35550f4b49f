import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { fetch, type Dispatcher } from 'undici';
import { IDENTITY_HEADER, signIdentity, type Identity } from '../../../lib/auth/index.js';
import { describeFailure } from '../data-source/describe-failure.js';
import type { EntityFetcher } from './resolve-entities.js';
import { serviceUnavailable } from './upstream-subscription.js';

export interface EntityFetcherOptions {
  urlOf: ReadonlyMap<string, string>;
  secret: string;
  /** The subscriber: every entity fetch runs with its identity, as the fetches of its queries do. */
  identity: Identity;
  /** The gateway's keep-alive pool to the subgraphs. */
  dispatcher: Dispatcher;
}

/**
 * `_entities` queries for subscription events, sent like HubDataSource sends query plans: JSON over the shared
 * pool, signed with the caller's identity; a transport failure or an answer that is not GraphQL becomes a
 * SERVICE_UNAVAILABLE error naming the subgraph.
 */
export function entityFetcher(options: EntityFetcherOptions): EntityFetcher {
  return async (graph, query, variables) => {
    const url = options.urlOf.get(graph);
    if (!url) return { errors: [serviceUnavailable(graph, 'no URL')] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        dispatcher: options.dispatcher,
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          [IDENTITY_HEADER]: signIdentity({ userId: options.identity.userId }, options.secret),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json().catch(() => undefined)) as { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] } | undefined;
      if (!body || (!('data' in body) && !body.errors)) return { errors: [serviceUnavailable(graph, `HTTP ${response.status}`)] };
      const errors = (body.errors ?? []).map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions }));
      return { data: body.data ?? null, errors };
    } catch (err) {
      return { errors: [serviceUnavailable(graph, describeFailure((err as { cause?: unknown }).cause ?? err))] };
    }
  };
}
