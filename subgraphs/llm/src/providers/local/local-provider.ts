import { setImmediate as nextTurn } from 'node:timers/promises';
import { renderPromptText } from '../prompt-text.js';
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
import { countTokens } from '../token-counter.js';
import { drawAvatarPng, LOCAL_IMAGE_MODEL } from './local-image.js';
import { composeLocalText, LOCAL_MODEL } from './write-text.js';

// 4 words a chunk: about what a language model streams per event, so clients and the relay see a real stream.
const WORDS_PER_CHUNK = 4;
// 16-2048 px a side: smaller is not a picture; larger would make resvg allocate over 16 MB per image for an avatar.
const MIN_SIDE = 16;
const MAX_SIDE = 2048;

export interface LocalProviderOptions {
  /** Wait between chunks; 0 (the default) streams as fast as the event loop turns. Demos and tests of slow streams set it. */
  chunkDelayMs?: number;
}

/** The text cut into stream deltas of a few words each; joined, they give the text back exactly. */
export function splitIntoDeltas(text: string, wordsPerChunk = WORDS_PER_CHUNK): string[] {
  const words = text.match(/\s*\S+|\s+$/g) ?? [];
  const deltas: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) deltas.push(words.slice(i, i + wordsPerChunk).join(''));
  return deltas;
}

/**
 * The offline default (type local): NOT a language model. Text comes from seeded grammars over the request's
 * context (local/write-text.ts), streamed as deltas; images are deterministic DiceBear avatars rasterised to PNG.
 * Needs no key, no network and no weights, so `npm start` works anywhere.
 */
export class LocalProvider implements Provider {
  readonly type = 'local';
  readonly capabilities: readonly Capability[] = ['text', 'image'];
  readonly defaultModel = LOCAL_MODEL;
  readonly defaultImageModel = LOCAL_IMAGE_MODEL;

  constructor(
    readonly name: string,
    private readonly options: LocalProviderOptions = {},
  ) {}

  async *streamText(request: TextRequest): AsyncIterable<TextChunk> {
    const { text, truncated } = composeLocalText(request);
    // Counted when needed, after the first delta has left: the tokenizer is not in the time to first token.
    let promptTokens: number | undefined;
    const countPrompt = () => (promptTokens ??= countTokens(renderPromptText(request)));
    let sent = '';
    const cancelled = () =>
      new ProviderError('CANCELLED', `local provider "${this.name}": cancelled`, {
        partialUsage: { promptTokens: countPrompt(), completionTokens: countTokens(sent) },
      });
    for (const [index, delta] of splitIntoDeltas(text).entries()) {
      // A turn of the event loop between chunks: cancelGeneration and a client going away can abort mid-stream. Not
      // before the first, which is ready now: waiting a turn would queue it behind whatever else the process does
      // (the RUNNING row's insert, other requests).
      if (this.options.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, this.options.chunkDelayMs));
      else if (index > 0) await nextTurn();
      if (request.signal.aborted) throw cancelled();
      sent += delta;
      yield { type: 'delta', text: delta };
    }
    if (request.signal.aborted) throw cancelled();
    // The whole text at once, not a sum per delta: BPE merges across delta boundaries, and this is the count a
    // language model's usage report would give.
    yield {
      type: 'done',
      model: LOCAL_MODEL,
      finishReason: truncated ? 'length' : 'stop',
      usage: { promptTokens: countPrompt(), completionTokens: countTokens(text) },
    };
  }

  async generateImage(request: ImageRequest): Promise<ImageResult> {
    for (const side of [request.width, request.height]) {
      if (!Number.isInteger(side) || side < MIN_SIDE || side > MAX_SIDE) {
        throw new ProviderError('BAD_REQUEST', `local provider "${this.name}": image sides must be whole numbers from ${MIN_SIDE} to ${MAX_SIDE} pixels`);
      }
    }
    const images = [];
    for (let i = 0; i < request.n; i++) {
      await nextTurn();
      if (request.signal.aborted) throw new ProviderError('CANCELLED', `local provider "${this.name}": cancelled`);
      // Each image of a batch gets its own seed, so n avatars are n different faces, still reproducible.
      images.push({ png: drawAvatarPng(request.prompt, request.seed + i, request.width, request.height), width: request.width, height: request.height });
    }
    return { model: LOCAL_IMAGE_MODEL, images };
  }

  status(): ProviderStatus {
    return { name: this.name, type: this.type, capabilities: [...this.capabilities], models: [LOCAL_MODEL, LOCAL_IMAGE_MODEL], healthy: true, keys: [] };
  }
}
