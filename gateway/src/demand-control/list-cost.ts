import { getNamedType, getNullableType, isCompositeType, isListType, type GraphQLSchema } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// Apollo's demand-control weights (the federation cost spec's defaults): a mutation's root field 10, as it writes.
const MUTATION_WEIGHT = 10;
// Relay connections: their `edges` / `nodes` list is the page their own first/last sizes, as the cost spec's
// @listSize(slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"]) would say of every connection.
const SIZED_FIELDS = new Set(['edges', 'nodes']);
const SLICING_ARGUMENTS = ['first', 'last'] as const;

function slicingSize(args: Record<string, unknown>): number | undefined {
  for (const name of SLICING_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
  }
  return undefined;
}

/**
 * The static cost of a field, in the shape of Apollo's demand control (the federation spec's @cost/@listSize):
 * an object, interface or union costs 1, a scalar or enum 0, a mutation's root field 10, and a list its size times
 * its items' cost. A list's size is its `first`/`last` (the schema's default included); `edges` and `nodes` of a
 * connection are sized by the connection's own `first`/`last`, applied to everything the connection selects (its
 * pageInfo too: an over-estimate by one object per item, on the safe side); a list or a connection the operation
 * does not size counts `defaultListSize` items.
 * Introspection costs nothing here: the gateway answers it from its schema, and use-introspection decides who may.
 * No subgraph of the platform declares @cost or @listSize (and the API schema the gateway validates against drops
 * them), so these conventions stand in for them.
 */
export function listCostEstimator(schema: GraphQLSchema, defaultListSize: number): ComplexityEstimator {
  const mutationType = schema.getMutationType();
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__schema' || field.name === '__type') return 0;
    const written = type === mutationType ? MUTATION_WEIGHT : 0;
    const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
    const size = slicingSize(args);
    if (isListType(getNullableType(field.type))) {
      const items = size ?? (type.name.endsWith('Connection') && SIZED_FIELDS.has(field.name) ? 1 : defaultListSize);
      return written + items * (own + childComplexity);
    }
    // A connection (an object with first/last): its page is the items it selects; without a size, the default one.
    const sliceable = field.args.some((arg) => (SLICING_ARGUMENTS as readonly string[]).includes(arg.name));
    return written + own + (size ?? (sliceable ? defaultListSize : 1)) * childComplexity;
  };
}
