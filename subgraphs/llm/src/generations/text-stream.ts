import { AsyncQueue } from '#lib/async/async-queue.js';
import type { GenerationRow } from '../db/schema.js';
import type { StreamEvent } from '../resolvers/stream-event.js';
import type { GenerationServices } from './services.js';
import { runTextGeneration, type TextRunRequest } from './text-run.js';

/**
 * 16 events waiting: a reader that keeps up takes each delta as it comes (a provider's packet carries a few
 * chunks, which stay separate events); sixteen behind means it does not, and the deltas after join the last.
 */
const COALESCE_BACKLOG = 16;

/**
 * A text generation as a subscription's event stream. Resolves once the generation is stored and running (or
 * has already ended), rejects (nothing stored) when the caller's limit refuses. The iterator's return(), which
 * yoga calls when the client unsubscribes or disconnects, aborts the provider call at once: the row ends
 * CANCELLED with the usage so far before return() resolves.
 */
export async function streamTextGeneration(
  services: GenerationServices,
  userId: string,
  request: TextRunRequest,
  clientSignal: AbortSignal,
): Promise<AsyncIterableIterator<StreamEvent>> {
  const queue = new AsyncQueue<StreamEvent>();
  const controller = new AbortController();
  const onClientAbort = () => controller.abort();
  if (clientSignal.aborted) controller.abort();
  else clientSignal.addEventListener('abort', onClientAbort, { once: true });

  let sequence = 0;
  let generationId: string | null = null;
  // The last event pushed when it is a DELTA; while the queue is not empty it is still waiting in it.
  let lastDelta: StreamEvent | null = null;
  const push = (type: StreamEvent['type'], delta: string | null, generation: GenerationRow | null) => {
    // A reader far behind the provider gets the text that waits as one event (every chunk's text kept, in order):
    // each event costs the same to execute, write and relay whatever its size, so a backlog of one-token events
    // would only grow.
    if (type === 'DELTA' && lastDelta && queue.size >= COALESCE_BACKLOG) {
      lastDelta.delta = `${lastDelta.delta ?? ''}${delta ?? ''}`;
      return;
    }
    const event: StreamEvent = { type, generationId: generationId ?? '', delta, sequence: sequence++, generation };
    queue.push(event);
    lastDelta = type === 'DELTA' ? event : null;
  };
  const started = (row: GenerationRow) => {
    generationId = row.id;
    push('STARTED', null, row);
  };

  let markStarted!: () => void;
  let refuse!: (error: unknown) => void;
  const running = new Promise<void>((resolve, reject) => {
    markStarted = resolve;
    refuse = reject;
  });
  const run = runTextGeneration(services, userId, request, {
    signal: controller.signal,
    restartable: false,
    onStarted: (row) => {
      started(row);
      // Answered a turn later: the provider's request (a chain of promises in the SDK) is then on its way before
      // yoga spends this thread on the response's headers and the STARTED event.
      setImmediate(markStarted);
    },
    onDelta: (text) => push('DELTA', text, null),
  }).then(
    ({ row }) => {
      // Every provider refused before a call: the FAILED row is the first the stream hears of it.
      if (generationId === null) started(row);
      push(row.status === 'RUNNING' ? 'FAILED' : row.status, null, row);
      queue.end();
      markStarted();
    },
    (error: unknown) => {
      refuse(error);
      queue.end({ error });
    },
  );
  const cleanup = () => clientSignal.removeEventListener('abort', onClientAbort);
  run.finally(cleanup).catch(() => undefined);
  await running;

  const stop = async (): Promise<IteratorResult<StreamEvent>> => {
    controller.abort();
    queue.end({ discard: true });
    await run;
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<StreamEvent> = {
    next: () => queue.take() as Promise<IteratorResult<StreamEvent>>,
    return: stop,
    throw: async (error: unknown) => {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
