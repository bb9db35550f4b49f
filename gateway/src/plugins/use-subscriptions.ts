import { getOperationAST, GraphQLError, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Agent } from 'undici';
import type { Identity } from '../../../lib/auth/index.js';
import type { SupergraphSubgraph } from '../supergraph-subgraphs.js';
import { LiveSubscriptions } from '../subscriptions/live-results.js';
import { fragmentsOf, operationDocument, rootFieldNames } from '../subscriptions/operation-document.js';
import { SupergraphJoins } from '../subscriptions/supergraph-joins.js';
import { subscribeUpstream } from '../subscriptions/upstream-subscription.js';
import type { AuthContext } from './use-auth.js';

export interface SubscriptionsOptions {
  supergraphSdl: string;
  /** The subgraphs with the URLs the gateway routes to (overrides applied). */
  subgraphs: SupergraphSubgraph[];
  secret: string;
  /** 10 s by default: a subgraph registers a subscription in milliseconds; ten seconds of silence means it is stuck. */
  connectTimeoutMs?: number;
}

export interface SubscriptionsPlugin extends Plugin<AuthContext> {
  /** Subscriptions being forwarded right now. */
  readonly liveCount: number;
  /** Ends every forwarded subscription (their clients get `complete`) and closes the upstream connections. */
  close(): Promise<void>;
}

const failure = (message: string, code: string) => ({ errors: [new GraphQLError(message, { extensions: { code } })] });

function identityOf(context: unknown): Identity {
  const identity = (context as Partial<AuthContext> | undefined)?.identity;
  return identity ?? { userId: null };
}

/**
 * Subscriptions through the gateway (@apollo/gateway executes only queries and mutations): the operation goes to
 * the subgraph that owns its root field, per the supergraph's join directives, over GraphQL over SSE and signed
 * with the caller's identity; each result comes back to the client over SSE or graphql-ws (ws-server.ts), both
 * of which run this same subscribe. A client that goes away aborts the upstream subscription.
 */
export function useSubscriptions(options: SubscriptionsOptions): SubscriptionsPlugin {
  const joins = new SupergraphJoins(options.supergraphSdl);
  const urlOf = new Map(options.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const live = new LiveSubscriptions();
  // A pool of its own, unbounded and without a body timeout: each subscription holds one connection for as long as
  // it lives, which must not take sockets from queries (the shared agent caps them) or be cut while quiet. A dead
  // connection still shows: the subgraph pings every 12 s, and the socket errors when the peer is gone.
  const agent = new Agent({ keepAliveTimeout: 30_000, headersTimeout: connectTimeoutMs, bodyTimeout: 0 });

  async function subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return failure('No operation to run: give operationName when the document has several', 'BAD_USER_INPUT');
    const fragments = fragmentsOf(args.document);
    // Validation has already allowed exactly one root field per subscription.
    const [field] = rootFieldNames(operation.selectionSet, fragments);
    const owner = field === undefined ? undefined : joins.subscriptionOwner(field);
    const url = owner === undefined ? undefined : urlOf.get(owner);
    if (!owner || !url) return failure(`No service serves the subscription field "${field ?? ''}"`, 'BAD_USER_INPUT');

    const upstream = await subscribeUpstream({
      subgraph: owner,
      url,
      query: print(operationDocument(operation, fragments)),
      variables: args.variableValues ?? undefined,
      operationName: operation.name?.value,
      identity: identityOf(args.contextValue),
      secret: options.secret,
      dispatcher: agent,
      connectTimeoutMs,
    });
    if (!(Symbol.asyncIterator in upstream)) return upstream;
    return live.track(upstream);
  }

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe);
    },
    get liveCount() {
      return live.size;
    },
    async close() {
      await live.close();
      await agent.destroy();
    },
  };
}
