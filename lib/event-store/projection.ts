import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from './executor.js';
import type { StoredEvent } from './read-stream.js';

/**
 * How a service turns its events into its read tables. The same `apply` runs when a mutation records events
 * (recordEvents) and when the tables are rebuilt (replayProjection), so the rebuilt tables equal the originals
 * only if `apply` is deterministic: it takes ids and values from `event.data`, and time from `event.recordedAt`,
 * never from the clock or a random source.
 */
export interface Projection<TSchema extends Record<string, unknown> = Record<string, unknown>> {
  /** The read tables it owns, in the order they are emptied before a replay (children before parents). */
  readTables: PgTable[];
  apply(tx: Transaction<TSchema>, event: StoredEvent): Promise<void>;
}
