import { performance } from 'node:perf_hooks';
import type { FallbackRecord, GenerationRow, GenerationStatus, NewGenerationRow } from '../db/schema.js';
import { LimitsUnavailable } from '../limits/limits-unavailable.js';
import { refuseWhileDraining } from './refuse-while-draining.js';
import { RateLimitExceeded, type Reservation, type ReserveRequest } from '../limits/limits.js';
import type { ProviderErrorKind, TextFinishReason, TokenUsage } from '../providers/provider.js';
import { estimateCost } from './estimate-cost.js';
import { failedAttempt } from './failed-attempt.js';
import { countGeneration } from './generation-metrics.js';
import { COUNTERS_DOWN, failureError, limitFailure, roundRetryAfter, type GenerationFailure } from './generation-errors.js';
import type { ChainStep } from './resolve-chain.js';
import type { GenerationServices } from './services.js';
import { finishGeneration, insertGeneration, runningRow } from './store-generation.js';
import { streamAttempt } from './stream-attempt.js';
import type { ValidGenerateTextInput } from './validate-input.js';

export interface TextRunRequest {
  input: ValidGenerateTextInput;
  seed: number;
  chain: ChainStep[];
  promptTokens: number;
}

export interface TextRunHooks {
  /** The client's own signal (request or subscription): aborting it cancels the generation. */
  signal?: AbortSignal;
  /**
   * Whether a stream that broke after its first delta may start over with the next provider: yes when the caller
   * collects the text (generateText, batch), no when a subscriber has already seen the deltas.
   */
  restartable: boolean;
  /** limits.reserve by default; a batch waits for its turn with reserveWhenAllowed. */
  reserve?(request: ReserveRequest): Promise<Reservation>;
  /** The RUNNING row is stored (its id is what cancelGeneration takes). */
  onStarted?(row: GenerationRow): void;
  onDelta?(text: string): void;
}

export interface TextRunOutcome {
  row: GenerationRow;
  failure: GenerationFailure | null;
}

// A provider that answered with one of these before any text never worked on the prompt: the reservation goes back.
const REFUSALS = new Set<ProviderErrorKind>(['RATE_LIMITED', 'UNAUTHORIZED', 'QUOTA_EXCEEDED', 'UNAVAILABLE', 'BAD_REQUEST']);
/**
 * 20 ms: a hosted provider's first token takes hundreds of ms, so its row is stored long before the text starts
 * and the window in which another instance cannot see it stays short; a local one answers within a few ms.
 */
const STORE_DELAY_MS = 20;
/**
 * 5 ms after the first delta: its way from here through the gateway to the client takes 2-3 ms at p50 (bench/llm's
 * stages), so the row's insert starts once the token has arrived, and still well within STORE_DELAY_MS's window. A
 * stream that has ended by then waits for it too: its end is stored after the insert, and COMPLETED follows that.
 */
const RELAY_MS = 5;
const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0 };

interface Ending {
  status: Exclude<GenerationStatus, 'RUNNING'>;
  step: ChainStep;
  model?: string;
  text: string;
  usage: TokenUsage;
  finishReason?: TextFinishReason;
  failure: GenerationFailure | null;
}

/**
 * One text generation across the provider chain: reserve, stream, settle, store. The row is stored RUNNING once
 * a provider is about to be called and ends COMPLETED, FAILED or CANCELLED; every path ends the provider call and
 * settles or releases its reservation. Throws (nothing stored) only when the caller's own limit refuses at once.
 */
export async function runTextGeneration(services: GenerationServices, userId: string, request: TextRunRequest, hooks: TextRunHooks): Promise<TextRunOutcome> {
  // Refused before anything is reserved or stored: the caller retries on another instance.
  refuseWhileDraining(services);
  const { input, seed, chain, promptTokens } = request;
  const controller = new AbortController();
  const onClientAbort = () => controller.abort();
  if (hooks.signal?.aborted) controller.abort();
  else hooks.signal?.addEventListener('abort', onClientAbort, { once: true });
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => (markFinished = resolve));
  const reserve = hooks.reserve ?? ((r: ReserveRequest) => services.limits.reserve(r));

  const startedAt = performance.now();
  const createdAt = new Date();
  const fallbacks: FallbackRecord[] = [];
  // Widened on purpose: it is set inside the insert's callback, which control-flow narrowing does not follow.
  let row = null as GenerationRow | null;
  let firstTokenMs: number | null = null;
  let emitted = false;
  let everyFailureRateLimited = true;
  let retryAfter: number | null = null;
  let last: Pick<Ending, 'step' | 'text' | 'usage'> | null = null;

  const base = (step: ChainStep): NewGenerationRow => ({
    userId,
    type: 'TEXT',
    kind: input.kind,
    status: 'RUNNING',
    prompt: input.prompt,
    context: input.context,
    characterId: input.context.characterId ?? null,
    campaignId: input.context.campaignId ?? null,
    text: '',
    provider: step.provider.name,
    model: step.model,
    seed,
    maxTokens: input.maxTokens,
    promptTokens: 0,
    completionTokens: 0,
    durationMs: 0,
    fallbacks,
    createdAt,
  });

  const end = async (ending: Ending): Promise<TextRunOutcome> => {
    const pricing = services.settings.current.providers[ending.step.provider.name]?.pricing;
    const values: Partial<NewGenerationRow> = {
      status: ending.status,
      provider: ending.step.provider.name,
      model: ending.model ?? ending.step.model,
      text: ending.text,
      finishReason: ending.finishReason ?? null,
      promptTokens: ending.usage.promptTokens,
      completionTokens: ending.usage.completionTokens,
      costUsd: estimateCost(pricing, ending.usage),
      firstTokenMs,
      durationMs: Math.round(performance.now() - startedAt),
      fallbacks,
      errorCode: ending.failure?.code ?? null,
      errorMessage: ending.failure?.message ?? null,
      errorRetryAfter: ending.failure?.retryAfter ?? null,
    };
    const stored = row ? await finishGeneration(services.db, row.id, values) : await insertGeneration(services.db, { ...base(ending.step), ...values });
    countGeneration(stored);
    return { row: stored, failure: ending.failure };
  };

  try {
    for (const step of chain) {
      const name = step.provider.name;
      let reservation: Reservation;
      try {
        reservation = await reserve({ caller: userId, provider: name, promptTokens, maxTokens: input.maxTokens, campaign: input.context.campaignId });
      } catch (err) {
        if (err instanceof LimitsUnavailable) {
          // Fail closed: a call the shared counters cannot see would let every instance spend the whole budget.
          if (!row) throw failureError(COUNTERS_DOWN, null);
          return await end({ status: 'FAILED', step: last?.step ?? step, text: last?.text ?? '', usage: last?.usage ?? NO_USAGE, failure: COUNTERS_DOWN });
        }
        if (!(err instanceof RateLimitExceeded)) throw err;
        if (err.scope !== 'provider') {
          const failure = limitFailure(err);
          if (!row) throw failureError(failure, null);
          return await end({ status: 'FAILED', step: last?.step ?? step, text: last?.text ?? '', usage: last?.usage ?? NO_USAGE, failure });
        }
        fallbacks.push(failedAttempt(name, 'RATE_LIMITED', null));
        retryAfter = Math.min(retryAfter ?? Infinity, err.retryAfter);
        continue;
      }
      if (controller.signal.aborted) {
        await reservation.release();
        return await end({ status: 'CANCELLED', step, text: '', usage: NO_USAGE, failure: null });
      }
      // The RUNNING row is announced (onStarted) from memory and stored once the first delta is on its way, or
      // STORE_DELAY_MS into the call: neither the insert's round trip nor (on PGlite) its time on this thread is
      // added to the time to first token. Until it is stored only this instance knows the id: cancelGeneration
      // here finds it among the running ones, a lookup elsewhere finds nothing yet.
      let stored: Promise<void> | null = null;
      let storing: NodeJS.Timeout | undefined;
      let storeNow = () => {};
      if (!row) {
        const announced = runningRow({ ...base(step), instanceId: services.instanceId });
        row = announced;
        services.running.add(announced.id, { userId, controller, finished });
        hooks.onStarted?.(announced);
        const due = new Promise<void>((resolve) => (storeNow = resolve));
        const timer = setTimeout(storeNow, STORE_DELAY_MS);
        stored = due.then(async () => {
          clearTimeout(timer);
          await insertGeneration(services.db, announced);
        });
        // Nothing stored means nobody could cancel or account for the call: stop it.
        stored.catch(() => controller.abort());
      }
      const attempt = await streamAttempt({
        step,
        request: { kind: input.kind, prompt: input.prompt, context: input.context, seed, maxTokens: input.maxTokens },
        promptTokens,
        signal: controller.signal,
        onDelta: (text) => {
          firstTokenMs ??= Math.round(performance.now() - startedAt);
          emitted = true;
          hooks.onDelta?.(text);
          // Once the delta has been relayed: the insert holds this thread for a few ms (PGlite runs on it), and on a
          // machine of few cores it would race the gateway and the client for the CPU while they pass the first
          // token on (bench/llm, time to first token).
          if (!storing) storing = setTimeout(storeNow, RELAY_MS);
        },
      });
      // A stream that ended within RELAY_MS of its first delta (a local provider) is stored when that is up too.
      if (!storing) storeNow();
      if (stored) {
        try {
          await stored;
        } catch (err) {
          await reservation.settle(attempt.ok ? attempt.usage : { promptTokens, completionTokens: attempt.completionTokens });
          throw err;
        }
      }
      if (attempt.ok) {
        await reservation.settle(attempt.usage);
        return await end({
          status: 'COMPLETED',
          step,
          model: attempt.model,
          text: attempt.text,
          usage: attempt.usage,
          finishReason: attempt.finishReason,
          failure: null,
        });
      }
      const { error } = attempt;
      // The provider's own count of a call cut short wins; ours (the tokenizer over the deltas) otherwise.
      const partial = error.details.partialUsage;
      const consumed = partial !== undefined || attempt.text.length > 0 || !REFUSALS.has(error.kind);
      const usage = partial ?? (consumed ? { promptTokens, completionTokens: attempt.completionTokens } : NO_USAGE);
      if (consumed) await reservation.settle(usage);
      else await reservation.release();
      if (error.kind === 'CANCELLED' || controller.signal.aborted) return await end({ status: 'CANCELLED', step, text: attempt.text, usage, failure: null });
      if (error.kind === 'BAD_REQUEST') {
        return await end({
          status: 'FAILED',
          step,
          text: attempt.text,
          usage,
          failure: { code: 'BAD_USER_INPUT', message: `Provider "${name}" refused the request: ${error.message}`, retryAfter: null },
        });
      }
      const pricing = services.settings.current.providers[name]?.pricing;
      fallbacks.push(failedAttempt(name, error.kind, consumed ? { usage, costUsd: estimateCost(pricing, usage) } : null));
      last = { step, text: attempt.text, usage };
      if (error.kind === 'RATE_LIMITED') retryAfter = Math.min(retryAfter ?? Infinity, (error.details.retryAfterMs ?? 0) / 1000);
      else everyFailureRateLimited = false;
      if (emitted && !hooks.restartable) {
        const message = `Provider "${name}" failed after the text had started (${error.kind}): ${error.message}`;
        return await end({ status: 'FAILED', step, text: attempt.text, usage, failure: { code: 'SERVICE_UNAVAILABLE', message, retryAfter: null } });
      }
      // Starting over: the next provider's first token is the one the caller waits for.
      firstTokenMs = null;
    }
    const tried = fallbacks.map((f) => `${f.provider} (${f.reason})`).join(', ');
    const failure: GenerationFailure =
      everyFailureRateLimited && retryAfter !== null
        ? {
            code: 'RATE_LIMITED',
            message: `Every provider is rate limited: ${tried}. Try again in ${Math.ceil(retryAfter)} s.`,
            retryAfter: roundRetryAfter(retryAfter),
          }
        : { code: 'SERVICE_UNAVAILABLE', message: `Every provider failed: ${tried}.`, retryAfter: null };
    const step = last?.step ?? chain[chain.length - 1];
    if (!step) throw new Error('runTextGeneration needs at least one provider');
    return await end({ status: 'FAILED', step, text: last?.text ?? '', usage: last?.usage ?? NO_USAGE, failure });
  } finally {
    hooks.signal?.removeEventListener('abort', onClientAbort);
    if (row) services.running.delete(row.id);
    markFinished();
  }
}
