/**
 * The seam between the llm service and every provider (local, openai and OpenAI-compatible endpoints,
 * stable_diffusion). The generation code (limits, fallback, storage, streaming) only ever sees these types, so
 * a provider is added without touching it. Text is always produced as a stream; a caller that wants the whole
 * text collects the deltas.
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

/** What a provider can be asked for; a provider may do both. */
export type Capability = 'text' | 'image';

export interface TextRequest {
  kind: GenerationKind;
  /** The caller's own words; null when the kind alone says what to write. */
  prompt: string | null;
  context: GenerationContext;
  /** The model to use: the request's own, or the provider's configured model. */
  model: string;
  seed: number;
  maxTokens: number;
  /** Aborted on cancelGeneration, client disconnect or the provider's timeout: the provider stops its call. */
  signal: AbortSignal;
}

export type TextFinishReason = 'stop' | 'length';

/** One piece of a text stream: deltas in order, then exactly one `done` (unless the stream throws). */
export type TextChunk = { type: 'delta'; text: string } | { type: 'done'; model: string; finishReason: TextFinishReason; usage: TokenUsage | null };

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ImageRequest {
  prompt: string;
  negativePrompt?: string;
  model: string;
  /** Pixels; the provider rounds to what its model supports and reports the real size. */
  width: number;
  height: number;
  /** How many images (1-4). */
  n: number;
  seed: number;
  signal: AbortSignal;
}

export interface GeneratedImage {
  /** PNG bytes. */
  png: Buffer;
  width: number;
  height: number;
  /** The prompt as the provider rewrote it, when it says so (OpenAI's revised_prompt). */
  revisedPrompt?: string;
}

export interface ImageResult {
  model: string;
  images: GeneratedImage[];
}

/**
 * Why a provider call failed, so that the caller decides between falling through to the next provider
 * (everything but BAD_REQUEST and CANCELLED) and answering the client.
 */
export type ProviderErrorKind =
  | 'RATE_LIMITED' // 429 from the provider: retryAfterMs tells when
  | 'UNAUTHORIZED' // 401: the key leaves rotation
  | 'QUOTA_EXCEEDED' // insufficient_quota: the key leaves rotation
  | 'TIMEOUT' // no answer (or no next chunk) within the provider's timeout
  | 'UNAVAILABLE' // network error, 5xx, no usable key
  | 'BAD_RESPONSE' // an answer that is not the wire format (garbage, a stream cut half-way, an error inside the stream)
  | 'BAD_REQUEST' // the provider refused the input itself (unknown model, size): the caller's fault, no fallback
  | 'CANCELLED'; // our own signal aborted the call

export interface ProviderErrorDetails {
  retryAfterMs?: number;
  /** The key (by id, never the key) the failing call used. */
  keyId?: string;
  /**
   * Set when a text call failed after the request reached the provider (a stream cut short, timed out, cancelled,
   * an error inside the stream): prompt tokens as counted before the call, completion tokens counted with the
   * tokenizer over the deltas already yielded. The limits settle with it, so interrupted streams are paid for.
   * Absent when nothing was sent (no usable key, refused before the call).
   */
  partialUsage?: TokenUsage;
}

/** Message and details never carry a key: only key ids (`key-<8 hex>`). */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: ProviderErrorDetails = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** A key as status reports show it: never the key, only a fingerprint. */
export interface KeyStatus {
  /** `key-<first 8 hex of sha256(key)>`: tells keys apart in logs and status without revealing them. */
  id: string;
  state: 'ACTIVE' | 'RATE_LIMITED' | 'UNAUTHORIZED' | 'QUOTA_EXCEEDED';
  /** When a RATE_LIMITED key is used again. */
  until?: Date;
}

export interface ProviderStatus {
  name: string;
  type: string;
  capabilities: Capability[];
  /** Configured model first, then any other model the provider accepts by name. */
  models: string[];
  healthy: boolean;
  /** Why it is not healthy, in words (never a key). */
  reason?: string;
  keys: KeyStatus[];
  /** Providers tried after this one, in order (filled in by the registry). */
  fallback?: string[];
}

export interface Provider {
  /** The key under llm_service.providers in hub.yaml; stored with every generation. */
  readonly name: string;
  /** openai | stable_diffusion | local */
  readonly type: string;
  readonly capabilities: readonly Capability[];
  /** The model used when the request names none. */
  readonly defaultModel: string;
  /** The image model used when an image request names none, when it differs from defaultModel (openai, local). */
  readonly defaultImageModel?: string;
  /** Fails with ProviderError; chunks arrive as the provider sends them. */
  streamText?(request: TextRequest): AsyncIterable<TextChunk>;
  generateImage?(request: ImageRequest): Promise<ImageResult>;
  status(): ProviderStatus;
}
