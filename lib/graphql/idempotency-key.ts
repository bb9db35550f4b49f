import { badUserInput } from './errors.js';

/** The header a client sends with a mutation that may be sent again (the IETF draft's name). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
// 255 characters: room for a UUID or a client's own composite key, not for a payload smuggled into a header.
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The request's idempotency key, trimmed; undefined without one. Read the same way by the gateway (which retries
 * only keyed mutations) and by every service (which runs a keyed mutation once): a key too long is BAD_USER_INPUT.
 */
export function idempotencyKeyOf(headers: Headers | undefined): string | undefined {
  const key = headers?.get(IDEMPOTENCY_HEADER)?.trim() || undefined;
  if (key && key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badUserInput(`${IDEMPOTENCY_HEADER} must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, { header: IDEMPOTENCY_HEADER });
  }
  return key;
}
