import type { Executor } from './executor.js';
import type { Projection } from './projection.js';
import { DEFAULT_READ_LIMIT, readAll } from './read-stream.js';

export interface ReplayResult {
  events: number;
  seconds: number;
}

/**
 * Rebuilds a service's read tables from its events, in one transaction: readers see the old tables until it
 * commits, and a failure leaves them untouched. Events are applied in global position order, the order in
 * which each stream's events were appended (appends to one stream serialize on its lock).
 */
export async function replayProjection<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, projection: Projection<TSchema>): Promise<ReplayResult> {
  const started = performance.now();
  let count = 0;
  await db.transaction(async (tx) => {
    for (const table of projection.readTables) await tx.delete(table);
    let after = 0;
    for (;;) {
      const batch = await readAll(tx, { afterPosition: after, limit: DEFAULT_READ_LIMIT });
      for (const event of batch) await projection.apply(tx, event);
      count += batch.length;
      const last = batch.at(-1);
      if (!last || batch.length < DEFAULT_READ_LIMIT) break;
      after = last.globalPosition;
    }
  });
  return { events: count, seconds: (performance.now() - started) / 1000 };
}
