import type { Executor } from './executor.js';
import { DEFAULT_BATCH_SIZE, pollConsumer, type ConsumerHandler } from './consumer.js';
import { trackConsumerLag } from './event-store-metrics.js';
import { processLogger } from '../telemetry/logger.js';

export interface RunConsumerOptions {
  batchSize?: number;
  /**
   * Pause after a poll that found less than a full batch. 200 ms: events show up only when their writer
   * commits, and a subscriber barely notices a fifth of a second, while five indexed queries a second per consumer
   * cost nothing. A full batch is followed at once, so a consumer catching up is not slowed by it.
   */
  intervalMs?: number;
  /** Pause after a failed poll: 2 s keeps a failing handler or a database that is down from spinning the CPU. */
  errorBackoffMs?: number;
  /** Told about every failed poll; the loop goes on (the batch is delivered again). Default: the process logger. */
  onError?: (error: unknown) => void;
}

export interface RunningConsumer {
  /** Stops polling and resolves once the poll in progress (if any) has finished. */
  stop(): Promise<void>;
}

/** Polls a named consumer until stopped (see pollConsumer for order and delivery semantics). */
export function runConsumer<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  name: string,
  handler: ConsumerHandler<TSchema>,
  options: RunConsumerOptions = {},
): RunningConsumer {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const intervalMs = options.intervalMs ?? 200;
  const errorBackoffMs = options.errorBackoffMs ?? 2_000;
  const onError = options.onError ?? ((err: unknown) => processLogger().error({ err, consumer: name }, `event consumer "${name}" failed`));
  let stopped = false;
  const untrack = trackConsumerLag(db, name);
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      let pause = intervalMs;
      try {
        const result = await pollConsumer(db, name, handler, { batchSize });
        // A full batch means more may be waiting: catch up without pausing.
        if (result.delivered === batchSize) pause = 0;
      } catch (error) {
        onError(error);
        pause = errorBackoffMs;
      }
      if (!stopped && pause > 0) await sleep(pause);
    }
  })();

  return {
    async stop() {
      stopped = true;
      untrack();
      wake?.();
      await loop;
    },
  };
}
