import {
  getOperationAST,
  GraphQLError,
  Kind,
  print,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { EntityPlanner, SubscriptionPlanError, type PlannedSelection } from './entity-plan.js';
import { fragmentsOf, operationDocument, rootFieldNames, type Fragments } from './operation-document.js';
import type { SupergraphJoins } from './supergraph-joins.js';

/** What routing a subscription needs of the router (route-subscription.ts). */
export interface RouteSource {
  joins: SupergraphJoins;
  streamUrls(service: string): string[] | undefined;
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

export interface Route {
  operation: OperationDefinitionNode;
  fragments: Fragments;
  owner: string;
  urls: string[];
  planned: PlannedSelection;
  /** The operation as sent to the owner, printed. */
  query: string;
  /** Its root field. */
  field: string;
}

interface Plan extends Omit<Route, 'urls'> {
  schema: GraphQLSchema;
  joins: SupergraphJoins;
}

/**
 * Plans by document and operation name: yoga hands every request with the same query text the same parsed document
 * (its parse cache), so a client's repeated subscription (a generation per prompt) is planned and printed once, not
 * on every request ahead of the upstream call (about 0.3 ms of the gateway's time to first token, bench/llm). A plan
 * holds for the schema and joins it was made with; a reloaded supergraph plans anew.
 */
const plans = new WeakMap<DocumentNode, Map<string, Plan>>();

export function routeOf(router: RouteSource, args: ExecutionArgs): Route | ExecutionResult {
  const key = args.operationName ?? '';
  let cached = plans.get(args.document)?.get(key);
  if (!cached || cached.schema !== args.schema || cached.joins !== router.joins) {
    const plan = planOf(router, args);
    if (!('owner' in plan)) return plan;
    cached = plan;
    let byName = plans.get(args.document);
    if (!byName) plans.set(args.document, (byName = new Map<string, Plan>()));
    byName.set(key, plan);
  }
  // The instances are looked up on every subscription: breakers and health change between two of them.
  const urls = router.streamUrls(cached.owner);
  if (!urls) return failure(`No service serves the subscription field "${cached.owner}"`, 'BAD_USER_INPUT');
  return { ...cached, urls };
}

function planOf(router: RouteSource, args: ExecutionArgs): Plan | ExecutionResult {
  const operation = getOperationAST(args.document, args.operationName);
  const subscriptionType = args.schema.getSubscriptionType();
  if (!operation || !subscriptionType) return failure('No subscription to run: give operationName when the document has several', 'BAD_USER_INPUT');
  const fragments: Fragments = fragmentsOf(args.document);
  // Validation has already allowed exactly one root field per subscription.
  const [field] = rootFieldNames(operation.selectionSet, fragments);
  const owner = field === undefined ? undefined : router.joins.subscriptionOwner(field);
  if (field === undefined || !owner || !router.streamUrls(owner)) return failure(`No service serves the subscription field "${field ?? ''}"`, 'BAD_USER_INPUT');
  let planned: PlannedSelection;
  try {
    planned = new EntityPlanner(args.schema, router.joins, fragments).plan(operation.selectionSet, subscriptionType, owner);
  } catch (error) {
    if (error instanceof SubscriptionPlanError) return { errors: [error] };
    throw error;
  }
  const query = print(planned.fetches.length === 0 ? operationDocument(operation, fragments) : plannedDocument(operation, planned));
  return { operation, fragments, owner, planned, query, field, schema: args.schema, joins: router.joins };
}
