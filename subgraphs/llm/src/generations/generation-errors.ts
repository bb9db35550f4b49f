import type { GraphQLError } from 'graphql';
import { userError } from '#lib/graphql/index.js';

/** Why a generation or batch item failed, as GenerationError shows it and as the row stores it. */
export interface GenerationFailure {
  code: 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE' | 'BAD_USER_INPUT';
  message: string;
  retryAfter: number | null;
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

export function rateLimited(retryAfter: number, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return userError('RATE_LIMITED', message, { ...extensions, retryAfter: roundRetryAfter(retryAfter) });
}

/** The error a client gets for a failed generation; the stored generation's id goes along so it can be read. */
export function failureError(failure: GenerationFailure, generationId: string | null): GraphQLError {
  const extensions: Record<string, unknown> = generationId ? { generationId } : {};
  if (failure.retryAfter !== null) extensions.retryAfter = failure.retryAfter;
  return userError(failure.code, failure.message, extensions);
}
