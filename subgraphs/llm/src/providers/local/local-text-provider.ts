import type { TextGenerationRequest, TextGenerationResult, TextProvider } from '../text-provider.js';
import { LOCAL_MODEL, writeLocalText } from './write-text.js';

export { LOCAL_MODEL };

/**
 * The offline provider: NOT a language model. It expands hand-written grammars with a seeded PRNG over
 * the context's real attributes (name, race, class, background, alignment, campaign and setting), so the
 * platform produces useful, reproducible text with no key, no network and no model weights.
 * The whole-text form of LocalProvider.streamText, kept for callers of the older TextProvider seam.
 */
export class LocalTextProvider implements TextProvider {
  readonly name = 'local';

  async generate(request: TextGenerationRequest): Promise<TextGenerationResult> {
    request.signal?.throwIfAborted();
    const { text, truncated, promptTokens, completionTokens } = writeLocalText(request);
    return { text, model: LOCAL_MODEL, usage: { promptTokens, completionTokens }, finishReason: truncated ? 'length' : 'stop' };
  }
}
