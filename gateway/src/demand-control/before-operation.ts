import type { ExecutionArgs, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context/gateway-context.js';

/** An operation about to run, in the request's GatewayContext. */
export type OperationArgs = ExecutionArgs & { contextValue: GatewayContext };

/** Decides on an operation about to run: a refusal, or nothing to let it through. */
export type OperationCheck = (args: OperationArgs) => GraphQLError | undefined | Promise<GraphQLError | undefined>;

/**
 * Runs `check` before every query, mutation and subscription (HTTP, SSE and graphql-ws alike: they all pass yoga's
 * execute or subscribe) and answers its refusal instead of running the operation: no plugin after this one and no
 * subgraph sees it. Here rather than in validation when the check needs the caller (the context use-auth built) or
 * the variables.
 */
export function beforeOperation(check: OperationCheck): Pick<Plugin<GatewayContext>, 'onExecute' | 'onSubscribe'> {
  const run = async ({ args, setResultAndStopExecution }: { args: OperationArgs; setResultAndStopExecution(result: { errors: GraphQLError[] }): void }) => {
    const refusal = await check(args);
    if (refusal) setResultAndStopExecution({ errors: [refusal] });
  };
  return { onExecute: run, onSubscribe: run };
}
