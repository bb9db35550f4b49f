import { invalidInput } from '#lib/domain/index.js';
import { DiceExpressionError, parseDiceExpression, type RollMode, type Term } from '../dice/index.js';

// 64 characters: a client seed is a nonce of the client's (a UUID is 36); more buys no fairness, only event bytes.
export const MAX_CLIENT_SEED_LENGTH = 64;
// 200 characters: "Dexterity (Stealth) check to sneak past the ogre" is 48; a purpose is a label, not a story.
export const MAX_PURPOSE_LENGTH = 200;
// Printable ASCII: a client seed is typed or generated, and the verifier must feed the exact same bytes to HMAC
// (no Unicode normalisation question, no control characters in events).
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** The expression as terms, or BAD_USER_INPUT naming the dice rule it breaks. */
export function termsOf(expression: string, mode: RollMode | null | undefined): Term[] {
  try {
    return parseDiceExpression(expression, mode ?? 'NORMAL');
  } catch (error) {
    if (error instanceof DiceExpressionError) throw invalidInput(error.message, { field: 'expression', rule: error.rule });
    throw error;
  }
}

export function clientSeedOf(clientSeed: string | null | undefined): string {
  if (clientSeed === null || clientSeed === undefined) return '';
  if (clientSeed.length < 1 || clientSeed.length > MAX_CLIENT_SEED_LENGTH || !PRINTABLE_ASCII.test(clientSeed)) {
    throw invalidInput(`clientSeed must be 1 to ${MAX_CLIENT_SEED_LENGTH} printable ASCII characters`, { field: 'clientSeed', rule: 'CLIENT_SEED_INVALID' });
  }
  return clientSeed;
}

export function purposeOf(purpose: string | null | undefined): string | null {
  const trimmed = purpose?.trim();
  if (!trimmed) return null;
  if (trimmed.length > MAX_PURPOSE_LENGTH) {
    throw invalidInput(`purpose has at most ${MAX_PURPOSE_LENGTH} characters`, { field: 'purpose', rule: 'ROLL_PURPOSE_TOO_LONG' });
  }
  return trimmed;
}
