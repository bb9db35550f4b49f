/**
 * Token counts for usage figures and rate limits, with OpenAI's o200k_base encoding (GPT-4o, GPT-4.1, GPT-5,
 * o-series): prompt tokens are counted before a call and reserved against the limits, so the count must match
 * what OpenAI will bill. Other OpenAI-compatible models tokenize differently; their own usage report settles the
 * difference afterwards.
 *
 * Loaded once at start-up (a static import), not lazily: the encoding's tables take about 0.4-0.7 s to load, and
 * every generation counts its prompt before the call, so a lazy load would only move that pause onto the first
 * user's request (and a synchronous countTokens cannot await an import anyway).
 */
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

/** About 4 characters per token for English under OpenAI's BPE encodings: only a first guess, see charBudget. */
export const CHARS_PER_TOKEN = 4;

export function countTokens(text: string): number {
  return text === '' ? 0 : countO200k(text);
}

/**
 * A character budget that usually stays within `tokens` (English averages a little over 4 characters per token);
 * a caller that must stay within the budget exactly checks with countTokens afterwards (see local/write-text.ts).
 */
export function charBudget(tokens: number): number {
  return tokens * CHARS_PER_TOKEN;
}
