import { countTokens as countBpeTokens } from 'gpt-tokenizer';
import { renderPromptText } from '../providers/prompt-text.js';
import type { GenerationContext, GenerationKind } from '../providers/provider.js';

/**
 * Tokens by OpenAI's o200k BPE (gpt-tokenizer): counted before the call to reserve against the rate limits, and
 * over a stream's text when it is cut short and the provider never reported usage. The same count for every
 * provider, so that limits mean the same thing whichever one answers.
 */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countBpeTokens(text);
}

/** The prompt as a language model receives it: instruction, context lines and the caller's words. */
export function countPromptTokens(request: { kind: GenerationKind; prompt: string | null; context: GenerationContext }): number {
  return countTokens(renderPromptText(request));
}
