import { AttemptTimeoutError } from './unavailable.js';

/**
 * How long one attempt may take: the service's timeout, or less when the request's deadline comes first.
 * `byDeadline` tells the client which of the two ended it (TIMEOUT or DEADLINE_EXCEEDED).
 */
export function attemptBudget(serviceTimeoutMs: number, deadline: number, now = Date.now()): { ms: number; byDeadline: boolean } {
  const remaining = deadline - now;
  return remaining < serviceTimeoutMs ? { ms: Math.max(0, remaining), byDeadline: true } : { ms: serviceTimeoutMs, byDeadline: false };
}

/**
 * Runs `run` with a signal that aborts after `budget.ms`, and rejects with AttemptTimeoutError at that moment
 * even if `run` ignores its signal: the hub never waits on a service past its budget.
 */
export async function withTimeout<T>(budget: { ms: number; byDeadline: boolean }, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AttemptTimeoutError(budget.ms, budget.byDeadline);
      controller.abort(error);
      reject(error);
    }, budget.ms);
  });
  try {
    return await Promise.race([run(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`; used between retries. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
