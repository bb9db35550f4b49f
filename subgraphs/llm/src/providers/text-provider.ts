/**
 * The seam every text provider implements: the offline `local` one now, OpenAI and OpenAI-compatible
 * endpoints later. Resolvers only ever see this interface, so adding a provider never touches them.
 */
export type GenerationKind = 'BACKSTORY' | 'PLOT_HOOK' | 'NPC_DESCRIPTION' | 'LOCATION_DESCRIPTION' | 'FREEFORM';

/** What the caller tells us about the character and campaign; every field optional, strings trimmed and non-empty. */
export interface GenerationContext {
  characterId?: string;
  characterName?: string;
  race?: string;
  characterClass?: string;
  background?: string;
  alignment?: string;
  campaignId?: string;
  campaignName?: string;
  setting?: string;
}

export interface TextGenerationRequest {
  /** The caller's own words; null when the kind alone says what to write (a backstory, plot hooks...). */
  prompt: string | null;
  kind: GenerationKind;
  context: GenerationContext;
  /** Same seed and same request give the same text (for providers that can honour it). */
  seed: number;
  /** Upper bound on completion tokens. */
  maxTokens: number;
  /** Aborted when the client goes away: a remote provider cancels its HTTP call. */
  signal?: AbortSignal;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** 'stop': the text ended on its own; 'length': cut at maxTokens (the same values OpenAI reports). */
export type FinishReason = 'stop' | 'length';

export interface TextGenerationResult {
  text: string;
  model: string;
  usage: TokenUsage;
  finishReason: FinishReason;
}

export interface TextProvider {
  /** The name under llm_service.providers in hub.yaml, stored with every generation. */
  readonly name: string;
  generate(request: TextGenerationRequest): Promise<TextGenerationResult>;
}
