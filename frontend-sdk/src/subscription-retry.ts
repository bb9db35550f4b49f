import { rateLimitWaitMs, sleep, type RetryPolicy } from './rate-limit-retry.js';
import { failure, type Result } from './result.js';

/**
 * A subscription that waits out RATE_LIMITED: when the very first result is a RATE_LIMITED refusal (textGeneration
 * refuses before anything is generated), waits its retryAfter and subscribes again, within the policy. Once a result
 * went to the caller, failures are passed on as they come: the stream had started, and subscribing again is the
 * caller's decision.
 */
export async function* withSubscriptionRetry<TData>(
  open: () => AsyncGenerator<Result<TData>>,
  policy: RetryPolicy,
  operationName: string | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<Result<TData>> {
  for (let attempt = 1; ; attempt++) {
    let delivered = false;
    let wait: { ms: number; requestId: string | undefined } | undefined;
    for await (const result of open()) {
      if (!delivered && !result.ok && attempt < policy.maxAttempts) {
        const ms = rateLimitWaitMs(result.error);
        if (ms !== undefined && ms <= policy.maxWaitMs) {
          wait = { ms, requestId: result.requestId };
          // Leaving the loop unsubscribes (the generator's finally).
          break;
        }
      }
      delivered = true;
      yield { ...result, attempts: attempt };
    }
    if (wait === undefined) return;
    policy.onRetry?.({ operationName, attempt, waitMs: wait.ms, requestId: wait.requestId });
    if (!(await sleep(wait.ms, signal))) {
      yield { ...failure({ code: 'ABORTED', message: 'aborted while waiting out RATE_LIMITED' }, wait.requestId), attempts: attempt };
      return;
    }
  }
}
