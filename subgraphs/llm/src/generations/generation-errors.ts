import type { GraphQLError } from 'graphql';
import { userError } from '#lib/graphql/index.js';
import { BudgetExceeded, type RateLimitExceeded } from '../limits/limits.js';

/** Why a generation or batch item failed, as GenerationError shows it and as the row stores it. */
export interface GenerationFailure {
  code: 'RATE_LIMITED' | 'BUDGET_EXCEEDED' | 'SERVICE_UNAVAILABLE' | 'BAD_USER_INPUT';
  message: string;
  retryAfter: number | null;
  /** BUDGET_EXCEEDED: when the daily budget resets (ISO 8601, the next UTC midnight). */
  resetsAt?: string;
}

/** The caller's own limit or a daily budget refused: what the client is told, and when to try again. */
export function limitFailure(err: RateLimitExceeded): GenerationFailure {
  if (err instanceof BudgetExceeded) {
    const resetsAt = err.resetsAt.toISOString();
    return {
      code: 'BUDGET_EXCEEDED',
      message: `Your generation budget is spent (${err.message}); it resets at ${resetsAt}.`,
      retryAfter: roundRetryAfter(err.retryAfter),
      resetsAt,
    };
  }
  return {
    code: 'RATE_LIMITED',
    message: `Your rate limit is used up: try again in ${Math.ceil(err.retryAfter)} s.`,
    retryAfter: roundRetryAfter(err.retryAfter),
  };
}

/** The shared rate-limit counters (Redis) cannot be reached: refused rather than let through uncounted. */
export const COUNTERS_DOWN: GenerationFailure = {
  code: 'SERVICE_UNAVAILABLE',
  message: 'The rate-limit counters are unavailable; try again shortly.',
  retryAfter: null,
};

/** Seconds rounded up to the millisecond: a client waiting this long is never early. */
export function roundRetryAfter(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) * 1000) / 1000;
}

/** The error a client gets for a failed generation; the stored generation's id goes along so it can be read. */
export function failureError(failure: GenerationFailure, generationId: string | null): GraphQLError {
  const extensions: Record<string, unknown> = generationId ? { generationId } : {};
  if (failure.retryAfter !== null) extensions.retryAfter = failure.retryAfter;
  if (failure.resetsAt) extensions.resetsAt = failure.resetsAt;
  return userError(failure.code, failure.message, extensions);
}
