import { appendEvents, type AppendEventsOptions, type AppendResult } from '../append-events.js';
import type { Executor } from '../executor.js';

/** appendEvents in a transaction of its own: tests that have no state change to commit alongside. */
export function append<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, options: AppendEventsOptions): Promise<AppendResult> {
  return db.transaction((tx) => appendEvents(tx, options));
}
