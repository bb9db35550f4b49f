/**
 * Runs a batch of calls through reserveWhenAllowed the way batchGenerate does (a bounded number at a time) and
 * records when each started: the measure behind the pacing tests and bench/llm's achieved rate.
 */
import { performance } from 'node:perf_hooks';
import type { Limits, ReserveRequest } from './limits.js';

export interface PacedBatch {
  items: number;
  concurrency: number;
  request: ReserveRequest;
  /** Epoch ms, as reserveWhenAllowed takes it. */
  deadline: number;
  signal?: AbortSignal;
  /** The call itself, after its reservation; nothing by default (a provider answering at once). */
  work?: () => Promise<void>;
}

/** The start times (performance.now() ms) of the items that started, in the order they started. */
export async function runPacedBatch(limits: Limits, batch: PacedBatch): Promise<number[]> {
  const starts: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batch.items) {
      next++;
      const reservation = await limits.reserveWhenAllowed(batch.request, batch.deadline, batch.signal);
      starts.push(performance.now());
      await batch.work?.();
      await reservation.settle({ promptTokens: batch.request.promptTokens, completionTokens: 0 });
    }
  };
  await Promise.all(Array.from({ length: Math.min(batch.concurrency, batch.items) }, worker));
  return starts;
}
