import type { GenerateTextInput } from '../__generated__/resolvers-types.js';
import { countPromptTokens } from './count-tokens.js';
import { deriveSeed } from './derive-seed.js';
import { resolveChain } from './resolve-chain.js';
import type { GenerationServices } from './services.js';
import type { TextRunRequest } from './text-run.js';
import { validateGenerateTextInput } from './validate-input.js';

/**
 * Everything checked before a text generation touches limits or storage: the input against hub.yaml's bounds,
 * the provider and model against the registry, the seed, and the prompt's tokens for the reservation.
 * Throws BAD_USER_INPUT (or SERVICE_UNAVAILABLE when no text provider is configured).
 */
export function prepareTextRequest(services: GenerationServices, raw: GenerateTextInput, prefix = 'input'): TextRunRequest {
  const config = services.settings.current;
  const input = validateGenerateTextInput(raw, config, prefix);
  const chain = resolveChain(services.providers, 'text', input, config, prefix);
  return { input, chain, seed: input.seed ?? deriveSeed(input), promptTokens: countPromptTokens(input) };
}
