import { getOperationAST, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { PRIORITIES, type Priority } from '../../../lib/config/resilience-config.js';
import { badUserInput } from '../../../lib/graphql/errors.js';
import { idempotencyKeyOf } from '../../../lib/graphql/idempotency-key.js';

/** What the hub's policies need to know about a client request; HubDataSource reads it for every fetch. */
export interface RequestPolicy {
  /** Queue order in a busy service's bulkhead: interactive before batch. */
  priority: Priority;
  /** Epoch ms after which no subgraph attempt, retry or wait in a queue goes on (message_hub.request_timeout). */
  deadline: number;
  /** The client's `idempotency-key` header: its mutations may then be retried. */
  idempotencyKey?: string;
}

export interface RequestPolicyContext {
  requestPolicy?: RequestPolicy;
}

export interface RequestPolicyOptions {
  requestTimeoutMs: number;
  /** hub.yaml message_hub.priority. */
  defaultPriority: Priority;
  /** `Mutation.generateText` -> batch. */
  rootFields: Record<string, Priority>;
}

export const PRIORITY_HEADER = 'x-priority';

// When each request arrived: its deadline counts from there, parsing and validation included.
const arrivals = new WeakMap<Request, number>();

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
 * (operationPriority). The deadline is the arrival time plus message_hub.request_timeout.
 */
export function useRequestPolicy(options: RequestPolicyOptions): Plugin<RequestPolicyContext> {
  return {
    onRequest({ request }) {
      arrivals.set(request, Date.now());
    },
    onExecute({ args, extendContext }) {
      const request = (args.contextValue as { request?: Request }).request;
      const headers = request?.headers;
      const requested = headers?.get(PRIORITY_HEADER)?.trim().toLowerCase();
      if (requested !== undefined && !isPriority(requested)) {
        throw badUserInput(`${PRIORITY_HEADER} must be one of ${PRIORITIES.join(', ')}, got "${requested}"`, { header: PRIORITY_HEADER });
      }
      const idempotencyKey = idempotencyKeyOf(headers);
      const operation = getOperationAST(args.document, args.operationName);
      const priority = requested ?? (operation ? operationPriority(operation, options) : options.defaultPriority);
      const arrived = (request && arrivals.get(request)) ?? Date.now();
      extendContext({ requestPolicy: { priority, deadline: arrived + options.requestTimeoutMs, ...(idempotencyKey ? { idempotencyKey } : {}) } });
    },
  };
}
