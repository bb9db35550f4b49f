import { pollConsumer, type ConsumerHandler } from '../consumer.js';
import type { Executor } from '../executor.js';

/**
 * Polls a consumer until `done()`. On a server, events wait while ANY older transaction of the cluster is in
 * flight (other test files run in parallel), so a single poll proves nothing; 10 s is far above any test's own
 * transaction length.
 */
export async function pollUntil<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  name: string,
  handler: ConsumerHandler<TSchema>,
  done: () => boolean,
  batchSize = 100,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`consumer "${name}" did not get there within 10 s`);
    const { delivered } = await pollConsumer(db, name, handler, { batchSize });
    if (delivered === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
