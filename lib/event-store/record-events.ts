import { asc, inArray } from 'drizzle-orm';
import { appendEvents, type AppendEventsOptions, type AppendResult } from './append-events.js';
import type { Transaction } from './executor.js';
import type { Projection } from './projection.js';
import { events } from './schema.js';
import type { StoredEvent } from './read-stream.js';

/**
 * A domain write: appends the events and applies them to the read tables in the caller's transaction.
 * The projection gets the events as stored (read back by position: JSON normalised by jsonb, recordedAt set by
 * the database), exactly what a replay will hand it. An idempotent retry (every event id already stored)
 * changes nothing. Returns the stored events so the mutation can answer from them.
 */
export async function recordEvents<TSchema extends Record<string, unknown>>(
  tx: Transaction<TSchema>,
  projection: Projection<TSchema>,
  options: AppendEventsOptions,
): Promise<AppendResult & { stored: StoredEvent[] }> {
  const result = await appendEvents(tx, options);
  const stored = await tx.select().from(events).where(inArray(events.globalPosition, result.positions)).orderBy(asc(events.globalPosition));
  if (!result.alreadyAppended) {
    for (const event of stored) await projection.apply(tx, event);
  }
  return { ...result, stored };
}
