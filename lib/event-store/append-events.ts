import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { badUserInput, conflict } from '../graphql/errors.js';
import { toJsonValue } from './canonical-json.js';
import { eventHash } from './event-hash.js';
import type { Transaction } from './executor.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { events, eventStreams, type EventMetadata } from './schema.js';
import { countAppend } from './event-store-metrics.js';

/** A stream's current version (its number of events), 'no_stream' (= 0, nothing appended yet) or 'any' (no check). */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface NewEvent {
  /** Idempotency key: give the same id when retrying the same write. Default: a fresh UUID. */
  eventId?: string;
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
}

export interface AppendEventsOptions {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly NewEvent[];
  /** Carried from the incoming request (trace or global transaction id) into every event's metadata. */
  correlationId?: string | undefined;
  /** The message (request, event, transaction branch) that caused these events. */
  causationId?: string | undefined;
  userId?: string | null | undefined;
}

export interface AppendResult {
  fromVersion: number;
  toVersion: number;
  /** Global positions, one per event, in the batch's order. */
  positions: number[];
  eventIds: string[];
  /** True when every event id was already in the stream: nothing was written (an idempotent retry). */
  alreadyAppended: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Appends events to one stream INSIDE the caller's transaction `tx` (the one that changes the read tables), so
 * that state and events commit or roll back together.
 *
 * - Concurrency: the stream's row in event_streams is locked (FOR UPDATE) before the version check, so concurrent
 *   appenders to one stream serialize and exactly one wins each version; the others get CONFLICT.
 * - Idempotency: if EVERY event id of the batch is already stored in this stream, nothing is written and the
 *   stored positions come back (alreadyAppended), whatever expectedVersion says: a retry after a lost reply must
 *   succeed. A batch that mixes stored and new ids, or reuses an id of another stream, cannot be a retry of one
 *   atomic append: it is a CONFLICT and nothing is written.
 * - Hash chain: each event's hash covers the previous event's hash (event-hash.ts).
 */
export async function appendEvents<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, options: AppendEventsOptions): Promise<AppendResult> {
  validate(options);
  const { streamId } = options;
  const batchMetadata: EventMetadata = {};
  if (options.correlationId !== undefined) batchMetadata.correlationId = options.correlationId;
  if (options.causationId !== undefined) batchMetadata.causationId = options.causationId;
  if (options.userId !== undefined) batchMetadata.userId = options.userId;
  // Normalized to plain JSON before hashing: what is hashed is exactly what jsonb gives back to verify-stream.
  const batch = options.events.map((event) => ({
    eventId: (event.eventId ?? randomUUID()).toLowerCase(),
    type: event.type,
    data: toJsonValue(event.data),
    metadata: toJsonValue({ ...batchMetadata, ...event.metadata }) as EventMetadata,
  }));
  const eventIds = batch.map((event) => event.eventId);

  await tx.insert(eventStreams).values({ streamId }).onConflictDoNothing();
  const [stream] = await tx
    .select({ version: eventStreams.version, lastHash: eventStreams.lastHash, lastTransactionId: eventStreams.lastTransactionId })
    .from(eventStreams)
    .where(eq(eventStreams.streamId, streamId))
    .for('update');
  if (!stream) throw new Error(`event_streams row for "${streamId}" vanished under its own lock`);

  // After the lock: a concurrent append of the same ids to this stream has committed (or rolled back) by now.
  const stored = await tx
    .select({ eventId: events.eventId, streamId: events.streamId, version: events.streamVersion, position: events.globalPosition })
    .from(events)
    .where(inArray(events.eventId, eventIds));
  if (stored.length > 0) {
    const byId = new Map(stored.map((row) => [row.eventId, row]));
    const retry = stored.length === batch.length && stored.every((row) => row.streamId === streamId);
    if (!retry) {
      throw conflict('Some of these event ids were already appended, but not as this same batch to this stream.', {
        streamId,
        eventIds: stored.map((row) => row.eventId),
      });
    }
    const rows = eventIds.map((id) => byId.get(id)!);
    return {
      fromVersion: Math.min(...rows.map((row) => row.version)),
      toVersion: Math.max(...rows.map((row) => row.version)),
      positions: rows.map((row) => row.position),
      eventIds,
      alreadyAppended: true,
    };
  }

  checkExpectedVersion(streamId, options.expectedVersion, stream.version);

  let previousHash = stream.lastHash;
  const rows = batch.map((event, index) => {
    const streamVersion = stream.version + index + 1;
    const hash = eventHash({ previousHash, streamId, streamVersion, type: event.type, data: event.data, metadata: event.metadata });
    // Our xid may be older than the previous event's (taken before we waited for the lock): never order below it.
    // Still >= our own xid, so consumers cannot pass this event before our transaction ends (consumer.ts).
    const transactionId = sql<number>`greatest((pg_current_xact_id()::text)::bigint, ${stream.lastTransactionId}::bigint)`;
    const row = { ...event, streamId, streamVersion, hash, previousHash, transactionId };
    previousHash = hash;
    return row;
  });
  let inserted: { position: number; version: number; transactionId: number }[];
  try {
    inserted = await tx
      .insert(events)
      .values(rows)
      .returning({ position: events.globalPosition, version: events.streamVersion, transactionId: events.transactionId });
  } catch (error) {
    // Another stream took one of these ids in a concurrent transaction (the stream lock does not cover it).
    if (isUniqueViolation(error, 'events_event_id_unique')) {
      throw conflict('One of these event ids was appended concurrently elsewhere.', { streamId, eventIds });
    }
    throw error;
  }
  const toVersion = stream.version + rows.length;
  await tx
    .update(eventStreams)
    .set({ version: toVersion, lastHash: previousHash, lastTransactionId: inserted[0]!.transactionId, updatedAt: sql`now()` })
    .where(eq(eventStreams.streamId, streamId));
  countAppend();
  // RETURNING order is not guaranteed by SQL: map back by version.
  const positionOf = new Map(inserted.map((row) => [row.version, row.position]));
  return {
    fromVersion: stream.version + 1,
    toVersion,
    positions: rows.map((row) => positionOf.get(row.streamVersion)!),
    eventIds,
    alreadyAppended: false,
  };
}

function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (expected === 'any') return;
  const wanted = expected === 'no_stream' ? 0 : expected;
  if (wanted === actual) return;
  const label = expected === 'no_stream' ? 'no stream yet' : `version ${expected}`;
  throw conflict(`Stream "${streamId}" is at version ${actual}, but the write expected ${label}; reload and retry.`, {
    streamId,
    expectedVersion: expected,
    actualVersion: actual,
  });
}

function validate(options: AppendEventsOptions): void {
  if (!options.streamId.trim()) throw badUserInput('A stream id must not be empty.');
  const expected = options.expectedVersion;
  if (typeof expected === 'number' && !(Number.isInteger(expected) && expected >= 0)) {
    throw badUserInput(`Expected version must be a whole number >= 0, 'no_stream' or 'any', not ${expected}.`);
  }
  if (options.events.length === 0) throw badUserInput('Append at least one event.');
  const seen = new Set<string>();
  for (const event of options.events) {
    if (!event.type.trim()) throw badUserInput('An event type must not be empty.');
    if (event.eventId === undefined) continue;
    if (!UUID.test(event.eventId)) throw badUserInput(`Event id "${event.eventId}" is not a UUID.`);
    const id = event.eventId.toLowerCase();
    if (seen.has(id)) throw badUserInput(`Event id ${id} appears twice in one batch.`);
    seen.add(id);
  }
}
