import type { GenerationContext, GenerationKind, TextRequest } from './provider.js';

/** What each kind asks a writer for; a language-model provider sends it as the instruction. */
const INSTRUCTIONS: Record<GenerationKind, string> = {
  BACKSTORY: 'Write the backstory of this Dungeons & Dragons character in a few paragraphs.',
  PLOT_HOOK: 'Write three to five numbered plot hooks for this Dungeons & Dragons campaign.',
  NPC_DESCRIPTION: 'Describe a non-player character the party could meet: looks, manner, wants, secret.',
  LOCATION_DESCRIPTION: 'Describe a location the party could visit: what they see, hear and can find.',
  FREEFORM: 'Answer the request below for a Dungeons & Dragons game.',
};

const CONTEXT_LABELS: Array<[keyof GenerationContext, string]> = [
  ['characterName', 'Character name'],
  ['race', 'Race'],
  ['characterClass', 'Class'],
  ['background', 'Background'],
  ['alignment', 'Alignment'],
  ['campaignName', 'Campaign'],
  ['setting', 'Setting'],
];

/**
 * The full prompt as a language model would receive it (instruction, context lines, the caller's words).
 * Providers count prompt tokens over this, so usage figures mean the same thing whichever provider answered.
 */
export function renderPromptText(request: Pick<TextRequest, 'kind' | 'prompt' | 'context'>): string {
  const lines = [INSTRUCTIONS[request.kind]];
  for (const [key, label] of CONTEXT_LABELS) {
    const value = request.context[key];
    if (value) lines.push(`${label}: ${value}`);
  }
  if (request.prompt) lines.push('', request.prompt);
  return lines.join('\n');
}

/** What a chat model receives: the instruction and context as the system turn, the caller's words as the user turn. */
export interface PromptMessages {
  system: string | null;
  user: string;
}

/**
 * Without the caller's own words, the whole prompt is the user turn (some OpenAI-compatible servers' chat templates
 * need one); with them, the caller's words stay apart from our instruction, as chat models expect.
 */
export function renderPromptMessages(request: Pick<TextRequest, 'kind' | 'prompt' | 'context'>): PromptMessages {
  if (!request.prompt) return { system: null, user: renderPromptText(request) };
  return { system: renderPromptText({ ...request, prompt: null }), user: request.prompt };
}
