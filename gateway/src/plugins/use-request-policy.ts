import { getOperationAST, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { PRIORITIES, type Priority } from '#lib/config/resilience-config.js';
import { badUserInput } from '#lib/graphql/errors.js';
import { idempotencyKeyOf } from '#lib/graphql/idempotency-key.js';
import type { GatewayContext } from '../context/gateway-context.js';

export interface RequestPolicyOptions {
  requestTimeoutMs: number;
  /** hub.yaml message_hub.priority. */
  defaultPriority: Priority;
  /** `Mutation.generateText` -> batch. */
  rootFields: Record<string, Priority>;
}

export const PRIORITY_HEADER = 'x-priority';

function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value);
}

/**
 * An operation's priority when the client did not send one: batch as soon as one of its root fields is
 * configured batch (a request that contains a generation waits for it anyway, so its other fetches gain
 * nothing from jumping the queue), otherwise the configured default.
 */
export function operationPriority(operation: OperationDefinitionNode, options: Pick<RequestPolicyOptions, 'defaultPriority' | 'rootFields'>): Priority {
  const root = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && options.rootFields[`${root}.${selection.name.value}`] === 'batch') return 'batch';
  }
  return options.defaultPriority;
}

/**
 * Puts the request's priority, deadline and idempotency key into the GraphQL context. Priority: the
 * `x-priority: interactive|batch` header when sent (another value is BAD_USER_INPUT), otherwise per operation
 * (operationPriority). The deadline is the arrival time (GatewayContext.arrivedAt) plus message_hub.request_timeout.
 */
export function useRequestPolicy(options: RequestPolicyOptions): Plugin<GatewayContext> {
  return {
    onExecute({ args, extendContext }) {
      const headers = args.contextValue.request.headers;
      const requested = headers?.get(PRIORITY_HEADER)?.trim().toLowerCase();
      if (requested !== undefined && !isPriority(requested)) {
        throw badUserInput(`${PRIORITY_HEADER} must be one of ${PRIORITIES.join(', ')}, got "${requested}"`, { header: PRIORITY_HEADER });
      }
      const idempotencyKey = idempotencyKeyOf(headers);
      // envelop types the execution arguments `any`; yoga's are graphql-js's ExecutionArgs.
      const operation = getOperationAST(args.document as DocumentNode, args.operationName as string | null | undefined);
      const priority = requested ?? (operation ? operationPriority(operation, options) : options.defaultPriority);
      extendContext({
        requestPolicy: { priority, deadline: args.contextValue.arrivedAt + options.requestTimeoutMs, ...(idempotencyKey ? { idempotencyKey } : {}) },
      });
    },
  };
}
