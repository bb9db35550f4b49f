import { createHash } from 'node:crypto';
import type { ValidGenerateTextInput } from './validate-input.js';

/**
 * The seed of a request that gave none: a hash of everything that shapes the text (kind, prompt, context,
 * maxTokens), so two identical requests get the same seed and so the same text. The user is not part of
 * it: the same request is reproducible across accounts, as a stated seed would be.
 * 31 bits, so it fits GraphQL's signed 32-bit Int and the integer column as a non-negative number.
 */
export function deriveSeed(input: Omit<ValidGenerateTextInput, 'seed'>): number {
  const context = Object.fromEntries(Object.entries(input.context).sort(([a], [b]) => a.localeCompare(b)));
  const canonical = JSON.stringify([input.kind, input.prompt, context, input.maxTokens]);
  return createHash('sha256').update(canonical).digest().readUInt32BE(0) & 0x7fffffff;
}
