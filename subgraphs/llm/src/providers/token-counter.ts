/**
 * Approximate token count: about 4 characters per token, the usual rule of thumb for English text under
 * OpenAI's BPE tokenizers. Good enough for the local provider's usage figures; a later issue swaps this
 * file for a real tokenizer (gpt-tokenizer) when rate limits need exact counts.
 */
export const CHARS_PER_TOKEN = 4;

export function countTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** The longest text (in characters) that stays within `tokens` by the same estimate. */
export function charBudget(tokens: number): number {
  return tokens * CHARS_PER_TOKEN;
}
