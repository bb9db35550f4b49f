import { installationSecret } from './installation-secret.js';
import { Rng } from '#lib/random/prng.js';
import { renderPromptText } from '../prompt-text.js';
import { charBudget, countTokens } from '../token-counter.js';
import type { GenerationContext, GenerationKind } from '../provider.js';
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
 * The local text for a request without its usage: the kind's grammar expanded with a seeded PRNG over the context,
 * cut on a sentence or word boundary so that it stays within maxTokens by the real tokenizer's count. The tokenizer
 * only runs when the text could be over the budget: a token is at least one UTF-8 byte, so a text of at most maxTokens
 * bytes is within it uncounted (the usual case, a few hundred words under 2048), and the first delta need not wait.
 */
export function composeLocalText(request: { kind: GenerationKind; prompt: string | null; context: GenerationContext; seed: number; maxTokens: number }): {
  text: string;
  truncated: boolean;
} {
  // The kind salts the seed, so plot hooks and a backstory for the same seed do not share choices; the
  // installation's secret too, so that nobody elsewhere writes the same text from the same public inputs.
  const rng = new Rng(request.seed, `${request.kind}:${installationSecret()}`);
  const profile = buildProfile(request.context, rng);
  const full = WRITERS[request.kind](profile, request.prompt, rng);
  let budget = charBudget(request.maxTokens);
  let { text, truncated } = truncateText(full, budget);
  const overBudget = (candidate: string) => Buffer.byteLength(candidate) > request.maxTokens && countTokens(candidate) > request.maxTokens;
  while (text.length > 0 && overBudget(text)) {
    budget = Math.min(Math.floor(text.length * SHRINK), text.length - 1);
    ({ text } = truncateText(text, budget));
    truncated = true;
  }
  return { text, truncated };
}

/** The whole local text for a request with its usage by the tokenizer. */
export function writeLocalText(request: {
  kind: GenerationKind;
  prompt: string | null;
  context: GenerationContext;
  seed: number;
  maxTokens: number;
}): LocalText {
  const { text, truncated } = composeLocalText(request);
  return { text, truncated, promptTokens: countTokens(renderPromptText(request)), completionTokens: countTokens(text) };
}
