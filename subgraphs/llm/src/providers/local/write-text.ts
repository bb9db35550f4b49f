import { Rng } from '../../../../../lib/random/prng.js';
import { renderPromptText } from '../prompt-text.js';
import { charBudget, countTokens } from '../token-counter.js';
import type { GenerationContext, GenerationKind } from '../text-provider.js';
import { writeBackstory } from './kinds/backstory.js';
import { writeFreeform } from './kinds/freeform.js';
import { writeLocation } from './kinds/location.js';
import { writeNpc } from './kinds/npc.js';
import { writePlotHooks } from './kinds/plot-hooks.js';
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

// Each retry keeps 90% of the previous budget: a text over its token budget is rarely more than a few tokens over,
// so two or three tries fit it without cutting much more than needed.
const SHRINK = 0.9;

export interface LocalText {
  text: string;
  truncated: boolean;
  promptTokens: number;
  completionTokens: number;
}

/**
 * The whole local text for a request: the kind's grammar expanded with a seeded PRNG over the context, cut on a
 * sentence or word boundary so that it stays within maxTokens by the real tokenizer's count.
 */
export function writeLocalText(request: { kind: GenerationKind; prompt: string | null; context: GenerationContext; seed: number; maxTokens: number }): LocalText {
  // The kind salts the seed, so plot hooks and a backstory for the same seed do not share choices.
  const rng = new Rng(request.seed, request.kind);
  const profile = buildProfile(request.context, rng);
  const full = WRITERS[request.kind](profile, request.prompt, rng);
  let budget = charBudget(request.maxTokens);
  let { text, truncated } = truncateText(full, budget);
  let completionTokens = countTokens(text);
  while (completionTokens > request.maxTokens && text.length > 0) {
    budget = Math.min(Math.floor(text.length * SHRINK), text.length - 1);
    ({ text } = truncateText(text, budget));
    truncated = true;
    completionTokens = countTokens(text);
  }
  return { text, truncated, promptTokens: countTokens(renderPromptText(request)), completionTokens };
}
