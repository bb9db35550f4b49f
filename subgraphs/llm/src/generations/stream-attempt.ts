import type { TextChunk, TextFinishReason, TextRequest, TokenUsage } from '../providers/provider.js';
import { ProviderError } from '../providers/provider.js';
import { inProviderSpan } from '../providers/provider-span.js';
import { countTokens } from './count-tokens.js';
import type { ChainStep } from './resolve-chain.js';
import { processLogger } from '#lib/telemetry/logger.js';

export type StreamAttempt =
  | { ok: true; text: string; model: string; finishReason: TextFinishReason; usage: TokenUsage }
  | { ok: false; error: ProviderError; text: string; completionTokens: number };

/** What one attempt at one provider streams: the chain's step, the request without its model, and where deltas go. */
export interface AttemptRequest {
  step: ChainStep;
  request: Omit<TextRequest, 'model' | 'signal'>;
  /** Counted before the call: the usage of a stream cut before the provider reported its own. */
  promptTokens: number;
  signal: AbortSignal;
  onDelta(text: string): void;
}

/** One provider's stream, to its end or its failure, as a span of the request (providers/provider-span.ts). */
export function streamAttempt(attempt: AttemptRequest): Promise<StreamAttempt> {
  const { step, promptTokens } = attempt;
  return inProviderSpan(
    'text',
    step.provider,
    step.model,
    () => runAttempt(attempt),
    (result) =>
      result.ok
        ? { outcome: 'ok', model: result.model, usage: result.usage }
        : { outcome: result.error.kind, usage: result.error.details.partialUsage ?? { promptTokens, completionTokens: result.completionTokens } },
  );
}

/**
 * The stream itself. The abort signal is raced against every chunk, so a cancel
 * answers at once even from a provider that ignores its signal; the iterator is then closed so its call ends too.
 * Failures come back as values (never thrown) with what was counted of the text so far, for the reservation.
 */
async function runAttempt({ step, request, promptTokens, signal, onDelta }: AttemptRequest): Promise<StreamAttempt> {
  let text = '';
  const failed = (error: ProviderError): StreamAttempt => ({ ok: false, error, text, completionTokens: countTokens(text) });
  if (!step.provider.streamText) return failed(new ProviderError('UNAVAILABLE', `provider "${step.provider.name}" does not generate text`));

  let stopAbortWait = () => {};
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new ProviderError('CANCELLED', 'the generation was cancelled'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    stopAbortWait = () => signal.removeEventListener('abort', onAbort);
  });
  aborted.catch(() => undefined);

  let iterator: AsyncIterator<TextChunk> | undefined;
  try {
    iterator = step.provider.streamText({ ...request, model: step.model, signal })[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) {
        return failed(new ProviderError('BAD_RESPONSE', `provider "${step.provider.name}" ended its stream without finishing`));
      }
      const chunk = next.value;
      if (chunk.type === 'delta') {
        if (chunk.text.length === 0) continue;
        text += chunk.text;
        onDelta(chunk.text);
        continue;
      }
      // A provider that reports no usage (some OpenAI-compatible servers) is counted here, the same way as a cut stream.
      const usage = chunk.usage ?? { promptTokens, completionTokens: countTokens(text) };
      return { ok: true, text, model: chunk.model, finishReason: chunk.finishReason, usage };
    }
  } catch (err) {
    if (signal.aborted) return failed(new ProviderError('CANCELLED', 'the generation was cancelled'));
    if (err instanceof ProviderError) return failed(err);
    // Not the contract's error: a bug in the provider. Logged by message only (never an object that may hold a key).
    processLogger('llm').error(
      { provider: step.provider.name, error: err instanceof Error ? err.message : String(err) },
      `provider "${step.provider.name}" threw unexpectedly`,
    );
    return failed(new ProviderError('BAD_RESPONSE', `provider "${step.provider.name}" failed unexpectedly`));
  } finally {
    stopAbortWait();
    // Left early (cancelled, or a bad chunk): closing the iterator runs the provider's cleanup, which ends its call.
    // On a finished iterator it does nothing.
    if (iterator) void iterator.return?.()?.catch(() => undefined);
  }
}
