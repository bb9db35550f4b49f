import { GraphQLError } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context/gateway-context.js';
import { beforeOperation } from '../demand-control/before-operation.js';
import { listCostEstimator } from '../demand-control/list-cost.js';
import { limitExceeded } from '../demand-control/refusal.js';

export interface CostLimitOptions {
  /** hub.yaml message_hub.limits.max_cost. */
  maxCost: number;
  /** hub.yaml message_hub.limits.default_list_size: the size of a list the operation does not size. */
  defaultListSize: number;
}

// 10,000 selections evaluated (graphql-query-complexity's own bound, fragments counted at every spread): past it
// the walk stops, since fragments spreading fragments can multiply a short document into millions of selections.
const MAX_NODES = 10_000;
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

/**
 * Refuses an operation whose static cost (list-cost.ts: list sizes times what each item selects) is above `maxCost`,
 * BAD_USER_INPUT with limit max_cost, HTTP 400, before the gateway plans it: a nested `first: 10000` costs the
 * subgraphs nothing. The walk is graphql-query-complexity's (fragments, abstract types at their most expensive
 * member, @skip/@include, variables and argument defaults); the weights are ours. Runs at execute time because the
 * sizes often come in variables.
 */
export function useCostLimit({ maxCost, defaultListSize }: CostLimitOptions): Plugin<GatewayContext> {
  return beforeOperation((args) => {
    let cost: number;
    try {
      cost = getComplexity({
        schema: args.schema,
        query: args.document,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        ...(args.operationName ? { operationName: args.operationName } : {}),
        estimators: [listCostEstimator(args.schema, defaultListSize)],
        maxQueryNodes: MAX_NODES,
      });
    } catch (error) {
      if (error instanceof GraphQLError && error.message === TOO_MANY_NODES) {
        return limitExceeded(
          'max_cost',
          maxCost,
          undefined,
          `Operation has more than ${MAX_NODES} selections to cost once its fragments are spread; the cost limit is ${maxCost}.`,
        );
      }
      // Variables that do not coerce: the gateway refuses them itself with BAD_USER_INPUT, before any fetch.
      return undefined;
    }
    if (cost <= maxCost) return undefined;
    return limitExceeded('max_cost', maxCost, cost, `Operation costs ${cost} (lists times what each item selects); the limit is ${maxCost}.`);
  });
}
