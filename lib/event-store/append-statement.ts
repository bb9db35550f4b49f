import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database.js';
import { queryRows } from '../db/query-rows.js';
import type { Transaction } from './executor.js';
import { events, eventStreams, type EventMetadata } from './schema.js';
import type { StreamHead } from './stream-heads.js';

/** One event ready to store: chained (hash, previousHash) onto the head it was computed from. */
export interface ChainedEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  streamVersion: number;
  hash: string;
  previousHash: string | null;
}

export interface WrittenEvent {
  position: number;
  version: number;
}

// The writer's xid, or the stream's previous event's when that is higher: our xid may be older (taken before we
// waited for the stream's row), and consumers must never order an event below its predecessor. Still >= our own
// xid, so consumers cannot pass this event before our transaction ends (consumer.ts).
const XID = sql`(pg_current_xact_id()::text)::bigint`;

/**
 * Writes the events and moves the stream's head in ONE statement, but only if the stored head is still `head`
 * (the one the hashes were chained onto) and none of the event ids is stored yet; otherwise writes nothing and
 * returns undefined. The head row is locked by the statement itself (UPDATE, or INSERT ... ON CONFLICT for a new
 * stream, where a concurrent creator makes us wait on the key and then see its row), so concurrent appenders to a
 * stream serialize on it, and a head that moved meanwhile is seen at its latest committed version.
 */
export async function writeIfHeadIs<TSchema extends Record<string, unknown>>(
  tx: Transaction<TSchema>,
  streamId: string,
  head: StreamHead,
  batch: readonly ChainedEvent[],
): Promise<WrittenEvent[] | undefined> {
  const last = batch[batch.length - 1]!;
  const ids = sql.join(
    batch.map((event) => sql`${event.eventId}::uuid`),
    sql`, `,
  );
  const noneStored = sql`NOT EXISTS (SELECT 1 FROM ${events} WHERE event_id IN (${ids}))`;
  const sameHead = (alias: SQL) => sql`${alias}.version = ${head.version}::int AND ${alias}.last_hash IS NOT DISTINCT FROM ${head.lastHash}::text`;
  // A stream at version 0 may have no row yet: create it, or take the existing one if it is still empty.
  const moveHead =
    head.version === 0
      ? sql`INSERT INTO ${eventStreams} AS s (stream_id, version, last_hash, last_transaction_id)
          SELECT ${streamId}::text, ${last.streamVersion}::int, ${last.hash}::text, ${XID} WHERE ${noneStored}
          ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
            last_transaction_id = greatest(excluded.last_transaction_id, s.last_transaction_id), updated_at = now()
          WHERE ${sameHead(sql`s`)}
          RETURNING s.last_transaction_id`
      : sql`UPDATE ${eventStreams} AS s SET version = ${last.streamVersion}::int, last_hash = ${last.hash}::text,
            last_transaction_id = greatest(${XID}, s.last_transaction_id), updated_at = now()
          WHERE s.stream_id = ${streamId}::text AND ${sameHead(sql`s`)} AND ${noneStored}
          RETURNING s.last_transaction_id`;
  const values = sql.join(
    batch.map(
      (event, index) =>
        sql`(${index}::int, ${event.eventId}::uuid, ${event.streamVersion}::int, ${event.type}::text, ${JSON.stringify(event.data)}::jsonb,
          ${JSON.stringify(event.metadata)}::jsonb, ${event.hash}::text, ${event.previousHash}::text)`,
    ),
    sql`, `,
  );
  // ORDER BY ord: global positions (identity) are drawn in the batch's order.
  const rows = await queryRows<{ global_position: unknown; stream_version: unknown }>(
    tx as unknown as AppDatabase<Record<string, unknown>>,
    sql`
    WITH head AS (${moveHead}),
    written AS (
      INSERT INTO ${events} (event_id, stream_id, stream_version, type, data, metadata, hash, previous_hash, transaction_id)
      SELECT v.event_id, ${streamId}::text, v.stream_version, v.type, v.data, v.metadata, v.hash, v.previous_hash, head.last_transaction_id
      FROM head, (VALUES ${values}) AS v (ord, event_id, stream_version, type, data, metadata, hash, previous_hash)
      ORDER BY v.ord
      RETURNING global_position, stream_version
    )
    SELECT global_position, stream_version FROM written`,
  );
  if (rows.length === 0) return undefined;
  if (rows.length !== batch.length) throw new Error(`appended ${rows.length} of ${batch.length} events to "${streamId}"`);
  return rows.map((row) => ({ position: Number(row.global_position), version: Number(row.stream_version) }));
}

/** Locks the stream's row and reads its head; undefined when the stream has no row yet (nothing to lock). */
export async function lockHead<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, streamId: string): Promise<StreamHead | undefined> {
  const [row] = await tx
    .select({ version: eventStreams.version, lastHash: eventStreams.lastHash })
    .from(eventStreams)
    .where(eq(eventStreams.streamId, streamId))
    .for('update');
  return row;
}

/** The stored events among `eventIds`, in any stream. */
export function storedEvents<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, eventIds: string[]) {
  return tx
    .select({ eventId: events.eventId, streamId: events.streamId, version: events.streamVersion, position: events.globalPosition })
    .from(events)
    .where(inArray(events.eventId, eventIds));
}
