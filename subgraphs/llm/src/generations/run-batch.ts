import { performance } from 'node:perf_hooks';
import { GraphQLError } from 'graphql';
import { badUserInput } from '#lib/graphql/index.js';
import type { GenerateTextInput } from '../__generated__/resolvers-types.js';
import type { GenerationRow } from '../db/schema.js';
import type { GenerationFailure } from './generation-errors.js';
import { prepareTextRequest } from './prepare-text.js';
import type { GenerationServices } from './services.js';
import { runTextGeneration } from './text-run.js';
import { processLogger } from '#lib/telemetry/logger.js';

export interface BatchItemResult {
  index: number;
  generation: GenerationRow | null;
  error: GenerationFailure | null;
}

export interface BatchResult {
  items: BatchItemResult[];
  completed: number;
  failed: number;
  durationMs: number;
}

/** A GraphQLError raised for one item (bad input, the caller's limit) becomes that item's error, not the batch's. */
function itemFailure(err: unknown): GenerationFailure {
  if (err instanceof GraphQLError) {
    const code = err.extensions.code;
    const retryAfter = typeof err.extensions.retryAfter === 'number' ? err.extensions.retryAfter : null;
    if (code === 'RATE_LIMITED' || code === 'BAD_USER_INPUT' || code === 'SERVICE_UNAVAILABLE') return { code, message: err.message, retryAfter };
    if (code === 'BUDGET_EXCEEDED') return { code, message: err.message, retryAfter, resetsAt: String(err.extensions.resetsAt) };
  }
  processLogger('llm').error({ error: err instanceof Error ? err.message : String(err) }, 'batch item failed unexpectedly');
  return { code: 'SERVICE_UNAVAILABLE', message: 'The item failed unexpectedly.', retryAfter: null };
}

/**
 * batchGenerate: every item runs through the same path as generateText, at most `concurrency` at once, each
 * waiting its turn in the rate limits (reserveWhenAllowed) until llm_service.batch.max_duration after the start;
 * what cannot start by then comes back RATE_LIMITED. Items are reported in input order, each on its own.
 */
export async function runBatch(
  services: GenerationServices,
  userId: string,
  items: readonly GenerateTextInput[],
  concurrency: number | null | undefined,
  signal: AbortSignal,
): Promise<BatchResult> {
  const config = services.settings.current;
  const { max_items: maxItems, concurrency: maxConcurrency, max_duration: maxDuration } = config.batch;
  if (items.length < 1 || items.length > maxItems) {
    throw badUserInput(`input.items must hold 1 to ${maxItems} items, got ${items.length}`, { field: 'input.items' });
  }
  const workers = concurrency ?? maxConcurrency;
  if (workers < 1 || workers > maxConcurrency) {
    throw badUserInput(`input.concurrency must be between 1 and ${maxConcurrency}, got ${workers}`, { field: 'input.concurrency' });
  }
  const startedAt = performance.now();
  const deadline = Date.now() + maxDuration * 1000;
  const results: BatchItemResult[] = items.map((_, index) => ({ index, generation: null, error: null }));

  const runItem = async (index: number): Promise<void> => {
    const result = results[index] as BatchItemResult;
    try {
      const request = prepareTextRequest(services, items[index] as GenerateTextInput, `input.items.${index}`);
      const outcome = await runTextGeneration(services, userId, request, {
        signal,
        restartable: true,
        reserve: (request) => services.limits.reserveWhenAllowed(request, deadline, signal),
      });
      result.generation = outcome.row;
      result.error = outcome.failure;
      if (!outcome.failure && outcome.row.status === 'CANCELLED')
        result.error = { code: 'SERVICE_UNAVAILABLE', message: 'The item was cancelled.', retryAfter: null };
    } catch (err) {
      result.error = itemFailure(err);
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < items.length) await runItem(next++);
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  const completed = results.filter((r) => r.error === null).length;
  return { items: results, completed, failed: results.length - completed, durationMs: Math.round(performance.now() - startedAt) };
}
