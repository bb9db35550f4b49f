import { performance } from 'node:perf_hooks';
import type { FallbackRecord, GenerationRow, GenerationStatus, NewGenerationRow } from '../db/schema.js';
import { LimitsUnavailable } from '../limits/limits-unavailable.js';
import { refuseWhileDraining } from './refuse-while-draining.js';
import { RateLimitExceeded, type Reservation } from '../limits/limits.js';
import { ProviderError, type ImageResult } from '../providers/provider.js';
import { inProviderSpan } from '../providers/provider-span.js';
import { countTokens } from './count-tokens.js';
import { estimateCost } from './estimate-cost.js';
import { failedAttempt } from './failed-attempt.js';
import { countGeneration } from './generation-metrics.js';
import { COUNTERS_DOWN, failureError, limitFailure, roundRetryAfter, type GenerationFailure } from './generation-errors.js';
import type { ChainStep } from './resolve-chain.js';
import type { GenerationServices } from './services.js';
import { finishImageGeneration, insertGeneration, insertImageGeneration } from './store-generation.js';
import type { ValidGenerateImageInput } from './validate-image-input.js';
import { processLogger } from '#lib/telemetry/logger.js';

export interface ImageRunOutcome {
  row: GenerationRow;
  failure: GenerationFailure | null;
}

/** One provider's images, racing the abort signal so that a provider that ignores it cannot hold the request. */
async function callProvider(step: ChainStep, input: ValidGenerateImageInput, signal: AbortSignal): Promise<ImageResult> {
  const generate = step.provider.generateImage?.bind(step.provider);
  if (!generate) throw new ProviderError('UNAVAILABLE', `provider "${step.provider.name}" does not generate images`);
  let stop = () => {};
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new ProviderError('CANCELLED', 'the generation was cancelled'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    stop = () => signal.removeEventListener('abort', onAbort);
  });
  try {
    const request = { prompt: input.prompt, model: step.model, width: input.width, height: input.height, n: input.n, seed: input.seed, signal };
    const call = () => Promise.race([generate(input.negativePrompt ? { ...request, negativePrompt: input.negativePrompt } : request), aborted]);
    return await inProviderSpan('image', step.provider, step.model, call, (result) => ({ outcome: 'ok', model: result.model, images: result.images.length }));
  } finally {
    stop();
  }
}

/**
 * One image generation across the provider chain: reserve (the prompt's tokens), call, settle, store. The row is
 * stored RUNNING before the first provider call, so that cancelGeneration finds it (here, or through the cancel
 * poller of the instance running it) and aborts the call; it ends COMPLETED with its pictures, FAILED or CANCELLED.
 * Throws (nothing stored) only when the caller's own limit refuses before any call.
 */
export async function runImageGeneration(
  services: GenerationServices,
  userId: string,
  input: ValidGenerateImageInput,
  chain: ChainStep[],
  signal: AbortSignal,
): Promise<ImageRunOutcome> {
  // Refused before anything is reserved or stored: the caller retries on another instance.
  refuseWhileDraining(services);
  const controller = new AbortController();
  const onClientAbort = () => controller.abort();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', onClientAbort, { once: true });
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => (markFinished = resolve));

  const startedAt = performance.now();
  const createdAt = new Date();
  const promptTokens = countTokens(input.negativePrompt ? `${input.prompt}\n${input.negativePrompt}` : input.prompt);
  const fallbacks: FallbackRecord[] = [];
  let everyFailureRateLimited = true;
  let retryAfter: number | null = null;
  let row: GenerationRow | null = null;

  const values = (
    step: ChainStep,
    status: GenerationStatus,
    result: ImageResult | null,
    failure: GenerationFailure | null,
    usedTokens: number,
  ): NewGenerationRow => ({
    userId,
    type: 'IMAGE',
    // Images have no kind of their own; FREEFORM reads as "what the prompt says".
    kind: 'FREEFORM',
    status,
    prompt: input.prompt,
    context: input.characterId ? { characterId: input.characterId } : {},
    characterId: input.characterId,
    text: '',
    provider: step.provider.name,
    model: result?.model ?? step.model,
    seed: input.seed,
    // No text is asked of an image provider: no completion budget.
    maxTokens: 0,
    promptTokens: usedTokens,
    completionTokens: 0,
    costUsd: estimateCost(services.settings.current.providers[step.provider.name]?.pricing, {
      promptTokens: 0,
      completionTokens: 0,
      images: result?.images.length ?? 0,
    }),
    durationMs: Math.round(performance.now() - startedAt),
    fallbacks,
    errorCode: failure?.code ?? null,
    errorMessage: failure?.message ?? null,
    errorRetryAfter: failure?.retryAfter ?? null,
    createdAt,
  });

  const end = async (
    step: ChainStep,
    status: Exclude<GenerationStatus, 'RUNNING'>,
    result: ImageResult | null,
    failure: GenerationFailure | null,
    usedTokens: number,
  ): Promise<ImageRunOutcome> => {
    const ending = values(step, status, result, failure, usedTokens);
    const images = result?.images ?? [];
    const stored = row ? await finishImageGeneration(services.db, row.id, ending, images) : await insertImageGeneration(services.db, ending, images);
    countGeneration(stored);
    return { row: stored, failure };
  };

  let lastStep: ChainStep | undefined;
  // The prompt tokens of the last attempt the limits counted: a generation that fails everywhere keeps them.
  let lastUsed = 0;
  try {
    for (const step of chain) {
      const name = step.provider.name;
      let reservation: Reservation;
      try {
        reservation = await services.limits.reserve({ caller: userId, provider: name, promptTokens, images: input.n });
      } catch (err) {
        if (err instanceof LimitsUnavailable) {
          if (!row) throw failureError(COUNTERS_DOWN, null);
          return await end(lastStep ?? step, 'FAILED', null, COUNTERS_DOWN, lastUsed);
        }
        if (!(err instanceof RateLimitExceeded)) throw err;
        if (err.scope !== 'provider') {
          const failure = limitFailure(err);
          if (!row) throw failureError(failure, null);
          return await end(lastStep ?? step, 'FAILED', null, failure, lastUsed);
        }
        fallbacks.push(failedAttempt(name, 'RATE_LIMITED', null));
        retryAfter = Math.min(retryAfter ?? Infinity, err.retryAfter);
        continue;
      }
      lastStep = step;
      if (!row) {
        try {
          row = await insertGeneration(services.db, { ...values(step, 'RUNNING', null, null, 0), instanceId: services.instanceId });
        } catch (err) {
          await reservation.release();
          throw err;
        }
        services.running.add(row.id, { userId, controller, finished });
      }
      try {
        const result = await callProvider(step, input, controller.signal);
        await reservation.settle({ promptTokens, completionTokens: 0, images: result.images.length });
        return await end(step, 'COMPLETED', result, null, promptTokens);
      } catch (err) {
        const error = err instanceof ProviderError ? err : new ProviderError('BAD_RESPONSE', `provider "${name}" failed unexpectedly`);
        if (!(err instanceof ProviderError))
          processLogger('llm').error({ provider: name, error: err instanceof Error ? err.message : String(err) }, `provider "${name}" threw unexpectedly`);
        const consumed = error.kind === 'TIMEOUT' || error.kind === 'BAD_RESPONSE' || error.kind === 'CANCELLED';
        if (consumed) await reservation.settle({ promptTokens, completionTokens: 0 });
        else await reservation.release();
        const used = consumed ? promptTokens : 0;
        if (error.kind === 'CANCELLED' || controller.signal.aborted) return await end(step, 'CANCELLED', null, null, used);
        if (error.kind === 'BAD_REQUEST') {
          return await end(
            step,
            'FAILED',
            null,
            { code: 'BAD_USER_INPUT', message: `Provider "${name}" refused the request: ${error.message}`, retryAfter: null },
            used,
          );
        }
        // An image is priced per picture and none came back: the attempt costs nothing, its prompt tokens still count.
        fallbacks.push(failedAttempt(name, error.kind, consumed ? { usage: { promptTokens, completionTokens: 0 }, costUsd: 0 } : null));
        lastUsed = used;
        if (error.kind === 'RATE_LIMITED') retryAfter = Math.min(retryAfter ?? Infinity, (error.details.retryAfterMs ?? 0) / 1000);
        else everyFailureRateLimited = false;
      }
    }
    const tried = fallbacks.map((f) => `${f.provider} (${f.reason})`).join(', ');
    const failure: GenerationFailure =
      everyFailureRateLimited && retryAfter !== null
        ? {
            code: 'RATE_LIMITED',
            message: `Every image provider is rate limited: ${tried}. Try again in ${Math.ceil(retryAfter)} s.`,
            retryAfter: roundRetryAfter(retryAfter),
          }
        : { code: 'SERVICE_UNAVAILABLE', message: `Every image provider failed: ${tried}.`, retryAfter: null };
    const step = lastStep ?? chain[chain.length - 1];
    if (!step) throw new Error('runImageGeneration needs at least one provider');
    return await end(step, 'FAILED', null, failure, lastUsed);
  } finally {
    signal.removeEventListener('abort', onClientAbort);
    if (row) services.running.delete(row.id);
    markFinished();
  }
}
