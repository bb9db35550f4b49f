import type { DocumentNode } from 'graphql';
import type { Identity } from '#lib/auth/index.js';
import type { Priority } from '#lib/config/resilience-config.js';
import type { FetchObservation } from '../observability/subgraph-fetch-observer.js';
import type { ServiceInstance } from '../resilience/instance.js';
import type { SubgraphAnswer } from './answer.js';

/**
 * One subgraph fetch as it goes down the pipeline (pipeline.ts). A policy passes it on as it is or as a copy with
 * its own fields set (`{ ...fetch, url }`): copies, never edits, so that a retried attempt starts from the fetch
 * as retry received it and two attempts never share a field one of them changed.
 */
export interface SubgraphFetch {
  /** The subgraph's name in the supergraph. */
  readonly service: string;
  readonly request: {
    query: string;
    variables?: Record<string, unknown> | undefined;
    operationName?: string | undefined;
    extensions?: Record<string, unknown> | undefined;
  };
  /** The request as sent: JSON of `request`. */
  readonly body: string;
  /** Who the fetch is made for: `sign` vouches for them to the subgraph. */
  readonly identity: Identity;
  /** Headers to send besides the identity header (request id, idempotency key, the planner's). */
  readonly headers: Readonly<Record<string, string>>;
  readonly mutation: boolean;
  /** May be sent again (resilience/retry.ts isRetryable): a query, or a mutation idempotent by key or protocol. */
  readonly retryable: boolean;
  /** The client request's priority (use-request-policy.ts); `priority` sets the default when it has none. */
  readonly priority?: Priority | undefined;
  /** Epoch ms: no attempt, retry or queueing goes past it. `deadline` sets it when the request has none. */
  readonly deadline?: number | undefined;
  /** The planned fetch's parsed operation, when the planner gave it. */
  readonly document?: DocumentNode | undefined;
  /** Tracing, metrics and message tracking of this fetch (`track` starts it). */
  readonly observation?: FetchObservation | undefined;
  /** Set on the copy that dedup sends for every caller sharing it: nothing below may join it again. */
  readonly shared?: boolean | undefined;
  // Per attempt, set by the policies that decide them.
  /** 1 for the first attempt (`retry`). */
  readonly attempt?: number | undefined;
  /** Instances this fetch already tried: `retry` owns the set, `loadBalance` adds its pick and picks another next time. */
  readonly tried?: Set<ServiceInstance> | undefined;
  /** The instance picked (`loadBalance`). */
  readonly instance?: ServiceInstance | undefined;
  readonly url?: string | undefined;
  /** Aborts the attempt (`timeout`). */
  readonly signal?: AbortSignal | undefined;
}

/** The rest of the pipeline below a policy. Resolves with the subgraph's answer, read; throws for transport failures and refusals. */
export type FetchNext = (fetch: SubgraphFetch) => Promise<SubgraphAnswer>;

/** One policy of a subgraph fetch, in the style of undici's interceptors: given the rest of the pipeline, what to run instead. */
export type FetchPolicy = (next: FetchNext) => FetchNext;
