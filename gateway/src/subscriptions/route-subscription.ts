import {
  getOperationAST,
  GraphQLError,
  Kind,
  print,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import type { Agent } from 'undici';
import type { SubgraphDataSource } from '../data-source/subgraph-data-source.js';
import type { Identity } from '#lib/auth/index.js';
import { EntityPlanner, SubscriptionPlanError, type PlannedSelection } from './entity-plan.js';
import { entityFetcher } from './fetch-entities.js';
import type { LiveSubscriptions } from './live-results.js';
import { fragmentsOf, operationDocument, rootFieldNames, type Fragments } from './operation-document.js';
import { resolveEntities } from './resolve-entities.js';
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

const failure = (message: string, code: string): ExecutionResult => ({ errors: [new GraphQLError(message, { extensions: { code } })] });

/** The planned operation, keeping only the variable definitions its selection still uses. */
function plannedDocument(operation: OperationDefinitionNode, planned: PlannedSelection): DocumentNode {
  const used = new Set<string>();
  visit(planned.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  for (const directive of operation.directives ?? []) visit(directive, { Variable: (node) => void used.add(node.name.value) });
  const variableDefinitions = (operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value));
  return { kind: Kind.DOCUMENT, definitions: [{ ...operation, variableDefinitions, selectionSet: planned.selectionSet }] };
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
  const operation = getOperationAST(args.document, args.operationName);
  const subscriptionType = args.schema.getSubscriptionType();
  if (!operation || !subscriptionType) return failure('No subscription to run: give operationName when the document has several', 'BAD_USER_INPUT');
  const fragments: Fragments = fragmentsOf(args.document);
  // Validation has already allowed exactly one root field per subscription.
  const [field] = rootFieldNames(operation.selectionSet, fragments);
  const owner = field === undefined ? undefined : router.joins.subscriptionOwner(field);
  const urls = owner === undefined ? undefined : router.streamUrls(owner);
  if (!owner || !urls) return failure(`No service serves the subscription field "${field ?? ''}"`, 'BAD_USER_INPUT');

  let planned: PlannedSelection;
  try {
    planned = new EntityPlanner(args.schema, router.joins, fragments).plan(operation.selectionSet, subscriptionType, owner);
  } catch (error) {
    if (error instanceof SubscriptionPlanError) return { errors: [error] };
    throw error;
  }
  // Nothing of another subgraph: the client's operation goes as it is, and results come back untouched.
  const simple = planned.fetches.length === 0;
  const upstream = await subscribeUpstream({
    subgraph: owner,
    urls,
    query: print(simple ? operationDocument(operation, fragments) : plannedDocument(operation, planned)),
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
