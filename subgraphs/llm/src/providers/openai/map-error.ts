/**
 * Turns what the `openai` SDK throws into a ProviderError the generation code acts on, and scrubs the message:
 * OpenAI's own 401 message echoes part of the key, and nothing of a key may reach logs or clients.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError, type ProviderErrorDetails } from '../provider.js';
import type { Deadline } from '../deadline.js';
import { retryAfterMs } from './retry-after.js';

// Anything shaped like an OpenAI-style key (sk-..., sk-proj-...), masked or not.
const KEY_LIKE = /\bsk-[A-Za-z0-9_*.-]{2,}/g;

export function scrub(message: string, keys: readonly string[]): string {
  let clean = message;
  for (const key of keys) if (key.length >= 4) clean = clean.split(key).join('[key]');
  return clean.replace(KEY_LIKE, '[key]');
}

export interface ErrorScope {
  provider: string;
  keyId?: string;
  /** Every key of the provider, to scrub from messages. */
  keys: readonly string[];
  deadline: Deadline;
  /** True once the response started streaming: a failure is then a stream cut short. */
  streaming: boolean;
  partialUsage?: ProviderErrorDetails['partialUsage'];
}

function errorCode(err: APIError): string | undefined {
  const body = err.error;
  const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined;
  const type = typeof body === 'object' && body !== null && 'type' in body ? body.type : undefined;
  return [err.code, code, type].find((value): value is string => typeof value === 'string' && value !== '');
}

export function toProviderError(err: unknown, scope: ErrorScope): ProviderError {
  const where = `openai provider "${scope.provider}"${scope.keyId ? ` (${scope.keyId})` : ''}`;
  const details: ProviderErrorDetails = { keyId: scope.keyId, partialUsage: scope.partialUsage };
  const fail = (kind: ProviderError['kind'], message: string, extra: ProviderErrorDetails = {}) =>
    new ProviderError(kind, `${where}: ${scrub(message, scope.keys)}`, { ...details, ...extra });
  if (err instanceof ProviderError) return err;
  // Our own abort first: the SDK reports it as a user abort (or a connection error) whichever of the two fired.
  if (scope.deadline.timedOut || err instanceof APIConnectionTimeoutError)
    return fail('TIMEOUT', scope.streaming ? 'no next chunk within the timeout' : 'no answer within the timeout');
  if (scope.deadline.cancelled || err instanceof APIUserAbortError) return fail('CANCELLED', 'cancelled');
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof APIConnectionError) return fail(scope.streaming ? 'BAD_RESPONSE' : 'UNAVAILABLE', `connection failed: ${message}`);
  if (err instanceof APIError) {
    // instanceof narrows to APIError<any, any, any>; what the SDK throws has its defaults' types.
    const apiError = err as APIError;
    const code = errorCode(apiError);
    // No status: the error arrived inside a 200 stream (`data: {"error": ...}`).
    if (apiError.status === undefined) return fail('BAD_RESPONSE', `error inside the stream: ${message}`);
    if (apiError.status === 401) return fail('UNAUTHORIZED', `401 ${message}`);
    if (apiError.status === 429 && code === 'insufficient_quota') return fail('QUOTA_EXCEEDED', `429 ${message}`);
    if (apiError.status === 429) return fail('RATE_LIMITED', `429 ${message}`, { retryAfterMs: retryAfterMs(apiError.headers) });
    if (apiError.status === 400 || apiError.status === 404 || apiError.status === 422) return fail('BAD_REQUEST', `${apiError.status} ${message}`);
    return fail('UNAVAILABLE', `${apiError.status} ${message}`);
  }
  // JSON that does not parse, a body cut off mid-read: the answer is not the wire format.
  if (err instanceof SyntaxError) return fail('BAD_RESPONSE', `not the OpenAI wire format: ${message}`);
  return fail(scope.streaming ? 'BAD_RESPONSE' : 'UNAVAILABLE', message);
}
