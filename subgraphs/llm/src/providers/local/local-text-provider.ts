import { renderPromptText } from '../prompt-text.js';
import { charBudget, countTokens } from '../token-counter.js';
import type { GenerationKind, TextGenerationRequest, TextGenerationResult, TextProvider } from '../text-provider.js';
import { writeBackstory } from './kinds/backstory.js';
import { writeFreeform } from './kinds/freeform.js';
import { writeLocation } from './kinds/location.js';
import { writeNpc } from './kinds/npc.js';
import { writePlotHooks } from './kinds/plot-hooks.js';
import { Rng } from '../../../../../lib/random/prng.js';
import { buildProfile, type Profile } from './profile.js';
import { truncateText } from './truncate.js';

/** Reported as the model of every local generation; bump the version when the grammars change output. */
export const LOCAL_MODEL = 'local-procedural-v1';

const WRITERS: Record<GenerationKind, (profile: Profile, prompt: string | null, rng: Rng) => string> = {
  BACKSTORY: writeBackstory,
  PLOT_HOOK: writePlotHooks,
  NPC_DESCRIPTION: writeNpc,
  LOCATION_DESCRIPTION: writeLocation,
  // The resolver guarantees a prompt for FREEFORM; an empty one still yields an answer rather than a crash.
  FREEFORM: (profile, prompt, rng) => writeFreeform(profile, prompt ?? '', rng),
};

/**
 * The offline provider: NOT a language model. It expands hand-written grammars with a seeded PRNG over
 * the context's real attributes (name, race, class, background, alignment, campaign and setting), so the
 * platform produces useful, reproducible text with no key, no network and no model weights.
 */
export class LocalTextProvider implements TextProvider {
  readonly name = 'local';

  async generate(request: TextGenerationRequest): Promise<TextGenerationResult> {
    request.signal?.throwIfAborted();
    // The kind salts the seed, so plot hooks and a backstory for the same seed do not share choices.
    const rng = new Rng(request.seed, request.kind);
    const profile = buildProfile(request.context, rng);
    const full = WRITERS[request.kind](profile, request.prompt, rng);
    const { text, truncated } = truncateText(full, charBudget(request.maxTokens));
    return {
      text,
      model: LOCAL_MODEL,
      usage: { promptTokens: countTokens(renderPromptText(request)), completionTokens: countTokens(text) },
      finishReason: truncated ? 'length' : 'stop',
    };
  }
}
