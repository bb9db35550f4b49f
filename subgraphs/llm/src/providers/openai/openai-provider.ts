/**
 * Type `openai`: OpenAI itself or any OpenAI-compatible server (vLLM, Ollama, LM Studio) through the official SDK,
 * for text (streamed chat completions) and images. Keys rotate through a KeyRing; a key-specific refusal (401,
 * quota, 429) moves on to the next key within the same call, anything else fails the call so the llm falls through
 * to the next provider.
 */
import OpenAI from 'openai';
import type { ProviderConfig } from '#lib/config/llm-config.js';
import { Deadline } from '../deadline.js';
import { KeyRing, type LeasedKey } from '../key-ring.js';
import { noteProviderKey } from '../provider-span.js';
import {
  ProviderError,
  type Capability,
  type ImageRequest,
  type ImageResult,
  type Provider,
  type ProviderStatus,
  type TextChunk,
  type TextRequest,
} from '../provider.js';
import { streamChat } from './chat-stream.js';
import { generateImages } from './images.js';
import { toProviderError, type ErrorScope } from './map-error.js';
import { undiciFetch } from './undici-fetch.js';

// 30 s: what hub.yaml documents for providers; the gateway's 45 s for llm leaves room for our work around it.
export const DEFAULT_TIMEOUT_MS = 30_000;
// gpt-4o-mini: OpenAI's cheapest current chat model, the sensible default for backstories and hooks.
const DEFAULT_MODEL = 'gpt-4o-mini';
// dall-e-3: OpenAI's image model that answers with response_format b64_json (gpt-image-1 refuses that parameter).
const DEFAULT_IMAGE_MODEL = 'dall-e-3';
// A keyless OpenAI-compatible server (Ollama, a local vLLM) ignores the key, but the SDK insists on one.
const KEYLESS: LeasedKey = { id: 'keyless', key: 'no-key' };
const KEY_SCOPED: ReadonlySet<string> = new Set(['UNAUTHORIZED', 'QUOTA_EXCEEDED', 'RATE_LIMITED']);

type Attempt<T> = (client: OpenAI, scope: Omit<ErrorScope, 'streaming'>, deadline: Deadline) => AsyncGenerator<T>;

export class OpenAiProvider implements Provider {
  readonly type = 'openai';
  readonly capabilities: readonly Capability[] = ['text', 'image'];
  readonly defaultModel: string;
  readonly defaultImageModel: string;
  readonly keys: KeyRing;
  readonly #keyless: boolean;
  readonly #allKeys: string[];
  readonly #clients = new Map<string, OpenAI>();
  readonly #timeoutMs: number;
  readonly #baseURL: string | undefined;

  /** `previousKeys`: the ring of the provider this one replaces on reload (unchanged keys keep their state). */
  constructor(
    readonly name: string,
    config: ProviderConfig,
    previousKeys?: KeyRing,
  ) {
    this.defaultModel = config.model ?? DEFAULT_MODEL;
    this.defaultImageModel = config.image_model ?? DEFAULT_IMAGE_MODEL;
    this.#timeoutMs = config.timeout !== undefined ? config.timeout * 1000 : DEFAULT_TIMEOUT_MS;
    this.#baseURL = config.base_url;
    this.#allKeys = (config.api_keys ?? []).filter((key) => key.trim() !== '');
    this.keys = new KeyRing(this.#allKeys, previousKeys);
    // Self-hosted compatible servers usually take no key: with a base_url and no keys, call without one.
    this.#keyless = this.keys.size === 0 && config.base_url !== undefined;
  }

  streamText(request: TextRequest): AsyncIterable<TextChunk> {
    return this.#withKeys(request.signal, (client, scope, deadline) => streamChat(client, request, scope, deadline));
  }

  async generateImage(request: ImageRequest): Promise<ImageResult> {
    const attempts = this.#withKeys(request.signal, async function* (client, scope, deadline) {
      yield await generateImages(client, request, scope, deadline);
    });
    for await (const result of attempts) return result;
    throw new ProviderError('BAD_RESPONSE', `openai provider "${this.name}": no images`);
  }

  status(): ProviderStatus {
    const reason = this.#keyless ? undefined : this.keys.unusableReason();
    return {
      name: this.name,
      type: this.type,
      capabilities: [...this.capabilities],
      models: [...new Set([this.defaultModel, this.defaultImageModel])],
      healthy: reason === undefined,
      ...(reason ? { reason } : {}),
      keys: this.keys.statuses(),
    };
  }

  /**
   * Runs one call with the next usable key; a key-scoped refusal marks the key and tries the next one, each key at
   * most once per call, and only while nothing has been yielded (a stream under way is never restarted).
   */
  async *#withKeys<T>(signal: AbortSignal, attempt: Attempt<T>): AsyncGenerator<T> {
    const tried = new Set<string>();
    let last: ProviderError | undefined;
    for (;;) {
      const lease = this.#keyless ? KEYLESS : this.keys.next();
      if (!lease || tried.has(lease.id)) break;
      tried.add(lease.id);
      noteProviderKey(lease.id);
      const deadline = new Deadline(signal, this.#timeoutMs);
      const scope = { provider: this.name, keyId: this.#keyless ? undefined : lease.id, keys: this.#allKeys, deadline };
      let yielded = false;
      try {
        for await (const item of attempt(this.#client(lease), scope, deadline)) {
          yielded = true;
          yield item;
        }
        return;
      } catch (err) {
        const error = toProviderError(err, { ...scope, streaming: yielded });
        this.#noteKey(lease.id, error);
        if (yielded || !KEY_SCOPED.has(error.kind) || this.#keyless) throw error;
        last = error;
      } finally {
        deadline.clear();
      }
    }
    // Every key tried or out: when one is only rate limited, say when it comes back, so the caller can wait or fall through.
    const comesBack = this.keys.msUntilNextKey();
    if (comesBack !== undefined && (!last || last.kind === 'RATE_LIMITED')) {
      throw new ProviderError('RATE_LIMITED', last?.message ?? `openai provider "${this.name}": every key is rate limited`, {
        ...last?.details,
        retryAfterMs: comesBack,
      });
    }
    throw last ?? new ProviderError('UNAVAILABLE', `openai provider "${this.name}": ${this.keys.unusableReason() ?? 'no usable key'}`);
  }

  #noteKey(id: string, error: ProviderError): void {
    if (error.kind === 'UNAUTHORIZED') this.keys.markUnauthorized(id);
    else if (error.kind === 'QUOTA_EXCEEDED') this.keys.markQuotaExceeded(id);
    else if (error.kind === 'RATE_LIMITED') this.keys.markRateLimited(id, error.details.retryAfterMs ?? 0);
  }

  #client(lease: LeasedKey): OpenAI {
    let client = this.#clients.get(lease.id);
    if (!client) {
      client = new OpenAI({
        apiKey: lease.key,
        baseURL: this.#baseURL,
        // No SDK retries: it would wait and retry 429s and 5xx on the same key for seconds while the caller waits;
        // the llm instead moves on to the next key or falls through to the next provider at once, and its limits
        // count every attempt.
        maxRetries: 0,
        // Our Deadline ends calls first (per call and per chunk) and says why; the SDK's own timeout is a backstop.
        timeout: this.#timeoutMs * 2,
        // The SDK logs unparsable stream data as it received it: provider output does not belong in our logs.
        logLevel: 'off',
        fetch: undiciFetch,
      });
      this.#clients.set(lease.id, client);
    }
    return client;
  }
}
