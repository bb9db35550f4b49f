import { setTimeout as sleep } from 'node:timers/promises';
import {
  ProviderError,
  type Capability,
  type ImageRequest,
  type ImageResult,
  type Provider,
  type ProviderErrorKind,
  type ProviderStatus,
  type TextChunk,
  type TextRequest,
} from '../providers/provider.js';

// The smallest valid PNG (1x1, transparent): image tests check bytes round-trip, not pictures.
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface Script {
  capabilities?: Capability[];
  /** Text deltas streamed before the end (or before failing). */
  deltas?: string[];
  /** Wait before each delta. */
  delayMs?: number;
  /** Fail with this kind after the deltas (none given: before any text). */
  failWith?: ProviderErrorKind;
  retryAfterMs?: number;
  /** Usage reported with `done`; null: none (the service counts). */
  usage?: { promptTokens: number; completionTokens: number } | null;
  models?: string[];
  /** Extra fields of status(), as a careless provider might add them. */
  statusExtras?: Record<string, unknown>;
}

/** A Provider that does what the test scripts, and records how it was called and whether it was stopped. */
export class ScriptedProvider implements Provider {
  readonly type = 'scripted';
  readonly capabilities: readonly Capability[];
  readonly defaultModel: string;
  calls = 0;
  stopped = 0;
  finished = 0;

  constructor(
    readonly name: string,
    private readonly script: Script = {},
  ) {
    this.capabilities = script.capabilities ?? ['text'];
    this.defaultModel = script.models?.[0] ?? `${name}-model`;
  }

  async *streamText(request: TextRequest): AsyncIterable<TextChunk> {
    this.calls++;
    let completed = false;
    try {
      for (const text of this.script.deltas ?? []) {
        if (this.script.delayMs) await sleep(this.script.delayMs, undefined, { signal: request.signal });
        yield { type: 'delta', text };
      }
      if (this.script.failWith) throw new ProviderError(this.script.failWith, `${this.name} failed as scripted`, { retryAfterMs: this.script.retryAfterMs });
      completed = true;
      yield { type: 'done', model: request.model, finishReason: 'stop', usage: this.script.usage === undefined ? null : this.script.usage };
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      throw new ProviderError('CANCELLED', `${this.name} cancelled`);
    } finally {
      if (completed) this.finished++;
      else this.stopped++;
    }
  }

  async generateImage(request: ImageRequest): Promise<ImageResult> {
    this.calls++;
    if (this.script.failWith) throw new ProviderError(this.script.failWith, `${this.name} failed as scripted`);
    return {
      model: request.model,
      images: Array.from({ length: request.n }, (_, i) => ({
        png: TINY_PNG,
        width: request.width,
        height: request.height,
        revisedPrompt: i === 0 ? `${request.prompt}, revised` : undefined,
      })),
    };
  }

  status(): ProviderStatus {
    const status: ProviderStatus = {
      name: this.name,
      type: this.type,
      capabilities: [...this.capabilities],
      models: this.script.models ?? [this.defaultModel],
      healthy: true,
      keys: [{ id: 'key-0badc0de', state: 'ACTIVE' }],
    };
    return { ...status, ...this.script.statusExtras };
  }
}
