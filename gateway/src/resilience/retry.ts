import { ConstantBackoff, DelegateBackoff, ExponentialBackoff, noJitterGenerator, type IBackoff, type IBackoffFactory } from 'cockatiel';
import type { RetryPolicy } from './service-policy.js';

/** What decides whether a subgraph fetch may be sent again. */
export interface RetryRule {
  /** The fetch is a mutation (an entity fetch made during a mutation operation is a query). */
  mutation: boolean;
  /** The client's `idempotency-key` header: it promises that sending the mutation twice does it once. */
  idempotencyKey?: string | undefined;
  /** The hub's own calls that are idempotent by protocol (the transaction coordinator's prepare, commit, abort). */
  idempotent?: boolean | undefined;
}

/**
 * Queries are always safe to send again; a mutation only when the client gave an idempotency key or the call
 * is idempotent by protocol: otherwise a mutation whose answer was lost may have been applied, and a retry
 * would apply it twice.
 */
export function isRetryable(rule: RetryRule): boolean {
  return !rule.mutation || rule.idempotent === true || (rule.idempotencyKey !== undefined && rule.idempotencyKey !== '');
}

function backoffFactory(policy: RetryPolicy): IBackoffFactory<number> {
  switch (policy.backoff) {
    case 'exponential':
      // cockatiel's exponential backoff without its own jitter: ours below applies the same way to all three.
      return new ExponentialBackoff({ initialDelay: policy.baseDelayMs, maxDelay: policy.maxDelayMs, generator: noJitterGenerator });
    case 'linear':
      return new DelegateBackoff<number>((retry) => Math.min(policy.maxDelayMs, policy.baseDelayMs * retry));
    case 'constant':
      return new ConstantBackoff(Math.min(policy.baseDelayMs, policy.maxDelayMs));
  }
}

/**
 * The delays before each retry of one request: base, then growing by the policy's backoff up to max_delay.
 * With jitter a delay is drawn from [d/2, d): retries of requests that failed together spread out, and
 * none comes sooner than half its nominal delay.
 */
export function retryDelays(policy: RetryPolicy, random: () => number = Math.random): () => number {
  const factory = backoffFactory(policy);
  let backoff: IBackoff<number> | undefined;
  let retry = 0;
  return () => {
    retry += 1;
    backoff = backoff ? backoff.next(retry) : factory.next(retry);
    const nominal = backoff.duration;
    return policy.jitter ? nominal / 2 + random() * (nominal / 2) : nominal;
  };
}
