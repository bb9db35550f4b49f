import { and, asc, eq, gt, gte, sql } from 'drizzle-orm';
import type { Executor } from './executor.js';
import { events, eventStreams, type EventRow } from './schema.js';

export type StoredEvent = EventRow;

/** Default page of readAll: large enough to amortise a round trip, small enough to keep a page in memory. */
export const DEFAULT_READ_LIMIT = 500;

/**
 * A stream's events from `fromVersion` (default 1, the first) in version order. An unknown stream reads as
 * empty: callers decide whether that is NOT_FOUND (streamExists).
 */
export async function readStream<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  streamId: string,
  options: { fromVersion?: number; limit?: number } = {},
): Promise<StoredEvent[]> {
  const query = db
    .select()
    .from(events)
    .where(and(eq(events.streamId, streamId), gte(events.streamVersion, options.fromVersion ?? 1)))
    .orderBy(asc(events.streamVersion));
  return options.limit === undefined ? query : query.limit(options.limit);
}

/**
 * Events after a global position, in position order, for replays and admin views of a quiescent store.
 * NOT for following a live store: a transaction can commit a lower position after a higher one was read;
 * consumers use consumer.ts, which reads in commit order.
 */
export async function readAll<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  options: { afterPosition?: number; limit?: number } = {},
): Promise<StoredEvent[]> {
  return db
    .select()
    .from(events)
    .where(gt(events.globalPosition, options.afterPosition ?? 0))
    .orderBy(asc(events.globalPosition))
    .limit(options.limit ?? DEFAULT_READ_LIMIT);
}

/** The stream's current version: 0 when it has no events (or does not exist). */
export async function streamVersion<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, streamId: string): Promise<number> {
  const [row] = await db.select({ version: eventStreams.version }).from(eventStreams).where(eq(eventStreams.streamId, streamId));
  return row?.version ?? 0;
}

export async function streamExists<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, streamId: string): Promise<boolean> {
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(events)
    .where(eq(events.streamId, streamId))
    .limit(1);
  return row !== undefined;
}
