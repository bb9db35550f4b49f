import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Checkpoint } from './consumer.js';
import type { Executor } from './executor.js';
import type { StoredEvent } from './read-stream.js';
import { events } from './schema.js';

/**
 * Reads in commit order without a checkpoint row: what an in-memory follower of the store (event-feed.ts)
 * needs. The order and the "final" bound are consumer.ts's: (transaction_id, global_position), and only
 * transactions below pg_snapshot_xmin(pg_current_snapshot()), which have all ended, so nothing can appear
 * later behind a point already read.
 */

/** Narrows what is read: one stream, one event type, or both. */
export interface EventFilter {
  streamId?: string | undefined;
  type?: string | undefined;
}

export const START: Checkpoint = Object.freeze({ transactionId: 0, position: 0 });

export function checkpointOf(event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): Checkpoint {
  return { transactionId: event.transactionId, position: event.globalPosition };
}

/** Negative, zero or positive as `a` comes before, at or after `b` in commit order. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return a.transactionId - b.transactionId || a.position - b.position;
}

export function matchesFilter(event: Pick<StoredEvent, 'streamId' | 'type'>, filter: EventFilter): boolean {
  return (filter.streamId === undefined || event.streamId === filter.streamId) && (filter.type === undefined || event.type === filter.type);
}

const afterPoint = (point: Checkpoint): SQL =>
  sql`(${events.transactionId}, ${events.globalPosition}) > (${point.transactionId}::bigint, ${point.position}::bigint)`;

const belowInFlight = (): SQL => sql`${events.transactionId} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;

/** The last event that is final right now: a follower that starts here gets everything committed from now on. */
export async function latestFinalCheckpoint<TSchema extends Record<string, unknown>>(db: Executor<TSchema>): Promise<Checkpoint> {
  const [row] = await db
    .select({ transactionId: events.transactionId, position: events.globalPosition })
    .from(events)
    .where(belowInFlight())
    .orderBy(desc(events.transactionId), desc(events.globalPosition))
    .limit(1);
  return row ?? START;
}

/** Final events after `after`, in commit order: the live poll. */
export function readFinalAfter<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, after: Checkpoint, limit: number): Promise<StoredEvent[]> {
  return db
    .select()
    .from(events)
    .where(and(afterPoint(after), belowInFlight()))
    .orderBy(asc(events.transactionId), asc(events.globalPosition))
    .limit(limit);
}

/**
 * Events after `after` up to and including `upTo`, in commit order, narrowed by `filter`: a catch-up read.
 * `upTo` must be a point a live poll has reached, so every event up to it is already final.
 */
export function readBetween<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  after: Checkpoint,
  upTo: Checkpoint,
  filter: EventFilter,
  limit: number,
): Promise<StoredEvent[]> {
  return db
    .select()
    .from(events)
    .where(
      and(
        afterPoint(after),
        sql`(${events.transactionId}, ${events.globalPosition}) <= (${upTo.transactionId}::bigint, ${upTo.position}::bigint)`,
        filter.streamId === undefined ? undefined : eq(events.streamId, filter.streamId),
        filter.type === undefined ? undefined : eq(events.type, filter.type),
      ),
    )
    .orderBy(asc(events.transactionId), asc(events.globalPosition))
    .limit(limit);
}

/** Where "after global position N" stands in commit order; undefined when no event has that position. */
export async function checkpointAtPosition<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, position: number): Promise<Checkpoint | undefined> {
  if (position === 0) return START;
  const [row] = await db.select({ transactionId: events.transactionId }).from(events).where(eq(events.globalPosition, position));
  return row ? { transactionId: row.transactionId, position } : undefined;
}

/**
 * Positions of the events after `after` that are already committed: with transactions still open, the final
 * point lags behind them, and a follower starting there must not hand out what was committed before it started.
 * Bounded: only the events of transactions that ended while an older one was still open lie past the final point.
 */
export async function committedPositionsAfter<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, after: Checkpoint): Promise<Set<number>> {
  const rows = await db.select({ position: events.globalPosition }).from(events).where(afterPoint(after));
  return new Set(rows.map((row) => row.position));
}
