import type { IncomingMessage } from 'node:http';
import { getOperationAST, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context/gateway-context.js';
import type { GenerationRateLimitConfig } from '#lib/config/demand-control-config.js';
import { beforeOperation, type OperationArgs } from '../demand-control/before-operation.js';
import { callerOf, isService } from '../demand-control/caller.js';
import { createGenerationLimiter, type GenerationLimiter } from '../demand-control/generation-limiter.js';
import { rateLimited } from '../demand-control/refusal.js';

export interface GenerationRateLimitOptions {
  /** hub.yaml message_hub.rate_limits.generation. */
  config: GenerationRateLimitConfig;
  /** REDIS_URL: budgets shared by every gateway replica; absent, counted in process. */
  redisUrl?: string | undefined;
  /** A limiter of the caller's making (tests); default: createGenerationLimiter from the config. */
  limiter?: GenerationLimiter;
}

const ROOT_TYPES = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/** How many times the operation selects one of `fields` at its root (aliases count each; fragments followed once). */
function generationsIn(document: DocumentNode, operationName: string | null | undefined, fields: ReadonlySet<string>): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const root = ROOT_TYPES[operation.operation];
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (fields.has(`${root}.${selection.name.value}`) ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      if (seen.has(selection.name.value)) return sum;
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      return sum + (fragment ? count(fragment) : 0);
    }, 0);
  return count(operation.selectionSet);
}

/** The budget an operation is counted against: the user's, else the address's (anonymous callers). */
function keyOf(args: OperationArgs): string {
  const caller = callerOf(args);
  if (caller.userId !== null) return `user:${caller.userId}`;
  // The socket's address, not X-Forwarded-For, which any client can write. graphql-ws operations carry no socket
  // here: their anonymous callers share one budget, on the safe side (subgraphs refuse anonymous generation anyway).
  const address = (args.contextValue as { req?: IncomingMessage } | undefined)?.req?.socket.remoteAddress;
  return `ip:${address ?? 'unknown'}`;
}

/**
 * A front-door budget for generation (hub.yaml message_hub.rate_limits.generation: `requests` per `window` seconds
 * per user, anonymous callers per address): each generation root field an operation selects takes one, and past the
 * budget the operation is refused with RATE_LIMITED, `retryAfter` (seconds) and HTTP 429 with Retry-After, before the
 * owning service reads or writes anything. It comes on top of the llm's own per-caller limit (requests and tokens per
 * minute, subgraphs/llm/src/limits), which keeps the last word: the calls the domain services make to the llm through
 * the hub for a user (generateBackstory's generateText) are theirs and not counted again here.
 */
export function useGenerationRateLimit({ config, redisUrl, limiter }: GenerationRateLimitOptions): Plugin<GatewayContext> {
  const fields = new Set(config.root_fields);
  const budgets = limiter ?? createGenerationLimiter({ points: config.requests, seconds: config.window, redisUrl });
  return {
    ...beforeOperation(async (args) => {
      if (isService(callerOf(args))) return undefined;
      const points = generationsIn(args.document, args.operationName, fields);
      if (points === 0) return undefined;
      const refused = await budgets.take(keyOf(args), points);
      if (!refused) return undefined;
      return rateLimited(
        refused.retryAfter,
        `Too many generations: at most ${config.requests} every ${config.window} s per user. Retry in ${refused.retryAfter} s.`,
      );
    }),
    onDispose: () => budgets.close(),
  };
}
