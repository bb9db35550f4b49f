import { failure, type Failure, type Result, type SdkError } from './result.js';

export interface RateLimitRetryOptions {
  /**
   * Sends in all, the first included; 1 turns waiting off. Default 3: two waits cover a per-minute window that
   * refills while the caller waits; a caller still refused after that is over its budget and should hear so.
   */
  maxAttempts?: number;
  /**
   * The longest single wait; a longer retryAfter is returned at once as the RATE_LIMITED failure. Default 60 000:
   * the platform's limits are per minute, so no honest retryAfter is longer; a UI may prefer less.
   */
  maxWaitMs?: number;
  /** Told before each wait: a script prints it, a UI shows a countdown. */
  onRetry?: (wait: RateLimitWait) => void;
}

export interface RateLimitWait {
  operationName: string | undefined;
  /** The attempt that was refused (1 for the first). */
  attempt: number;
  waitMs: number;
  requestId: string | undefined;
}

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_MAX_WAIT_MS = 60_000;
// 1 s when RATE_LIMITED comes without retryAfter: the platform's own retryAfter is never below one second.
const FALLBACK_WAIT_MS = 1_000;

/** Resolves true after `ms`, or false as soon as the signal aborts (the timer is then cleared). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The wait a RATE_LIMITED error asks for, or undefined when it is not one. */
export function rateLimitWaitMs(error: SdkError): number | undefined {
  if (error.code !== 'RATE_LIMITED') return undefined;
  const retryAfter = error.retryAfter;
  return retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.ceil(retryAfter * 1000) : FALLBACK_WAIT_MS;
}

export interface RetryPolicy {
  maxAttempts: number;
  maxWaitMs: number;
  onRetry: ((wait: RateLimitWait) => void) | undefined;
}

export function retryPolicy(options: RateLimitRetryOptions = {}): RetryPolicy {
  return {
    maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    onRetry: options.onRetry,
  };
}

/**
 * Sends, and while the answer is RATE_LIMITED waits the retryAfter it names and sends again, within the policy's
 * attempts and longest wait. RATE_LIMITED means the platform refused before doing anything, so sending a mutation
 * again cannot do it twice. Aborting during a wait returns ABORTED at once.
 */
export async function withRateLimitRetry<TData>(
  send: () => Promise<Result<TData>>,
  policy: RetryPolicy,
  operationName: string | undefined,
  signal: AbortSignal | undefined,
): Promise<Result<TData>> {
  for (let attempt = 1; ; attempt++) {
    const result = await send();
    if (result.ok) return { ...result, attempts: attempt };
    const waitMs = rateLimitWaitMs(result.error);
    if (waitMs === undefined || attempt >= policy.maxAttempts || waitMs > policy.maxWaitMs) return { ...result, attempts: attempt };
    policy.onRetry?.({ operationName, attempt, waitMs, requestId: result.requestId });
    if (!(await sleep(waitMs, signal))) return abortedWhileWaiting(result, attempt);
  }
}

function abortedWhileWaiting(refused: Failure, attempts: number): Failure {
  return { ...failure({ code: 'ABORTED', message: 'aborted while waiting out RATE_LIMITED' }, refused.requestId), attempts };
}
