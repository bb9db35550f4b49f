import { randomUUID } from 'node:crypto';
import { EventIdConflict, invalidInput, StreamVersionConflict } from '../domain/domain-error.js';
import { toJsonValue } from './canonical-json.js';
import { eventHash } from './event-hash.js';
import type { Transaction } from './executor.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { EventMetadata } from './schema.js';
import { lockHead, storedEvents, writeIfHeadIs, type ChainedEvent } from './append-statement.js';
import { guessedHead, NO_STREAM, rememberHead, type StreamHead } from './stream-heads.js';
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
 * - Concurrency: the statement that writes the events also moves the stream's head in event_streams, but only if
 *   that head (version, last hash) is still the one the batch was chained onto; it locks the row, so concurrent
 *   appenders to one stream serialize and exactly one wins each version; the others get a StreamVersionConflict.
 * - Round trips: one statement when the head is known (a stream this process wrote last, or 'no_stream'); else,
 *   or when the head moved, the row is locked and read first (stream-heads.ts), then written: two.
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

  try {
    // Fast path, one statement: chain onto the head we expect (a stream we wrote last, or a new one) and write.
    const guess = options.expectedVersion === 'no_stream' ? NO_STREAM : guessedHead(streamId);
    if (guess && (typeof options.expectedVersion !== 'number' || options.expectedVersion === guess.version)) {
      const appended = await write(tx, streamId, guess, batch);
      if (appended) return appended;
    }
    // The head moved, is unknown, or some id is stored (a retry?): lock the head, then decide.
    for (;;) {
      const head = await lockHead(tx, streamId);
      if (head) rememberHead(streamId, head);
      const current = head ?? NO_STREAM;
      if (isExpected(options.expectedVersion, current.version)) {
        const appended = await write(tx, streamId, current, batch);
        if (appended) return appended;
      }
      // After the lock: a concurrent append of the same ids to this stream has committed (or rolled back) by now.
      const stored = await storedEvents(tx, eventIds);
      if (stored.length > 0) return alreadyAppended(streamId, eventIds, stored);
      checkExpectedVersion(streamId, options.expectedVersion, current.version);
      // Only when there was no row to lock: a concurrent creator's stream committed in between; lock it now.
      if (head) throw new Error(`append to "${streamId}" found its locked head moved`);
    }
  } catch (error) {
    // Another stream took one of these ids in a concurrent transaction (the stream lock does not cover it).
    if (isUniqueViolation(error, 'events_event_id_unique')) {
      throw new EventIdConflict('One of these event ids was appended concurrently elsewhere.', streamId, eventIds);
    }
    throw error;
  }
}

type NormalizedEvent = Omit<ChainedEvent, 'streamVersion' | 'hash' | 'previousHash'>;

/** Chains the batch onto `head` and writes it if the stored head is still `head`; undefined if not. */
async function write<TSchema extends Record<string, unknown>>(
  tx: Transaction<TSchema>,
  streamId: string,
  head: StreamHead,
  batch: readonly NormalizedEvent[],
): Promise<AppendResult | undefined> {
  let previousHash = head.lastHash;
  const chained = batch.map((event, index): ChainedEvent => {
    const streamVersion = head.version + index + 1;
    const hash = eventHash({ previousHash, streamId, streamVersion, type: event.type, data: event.data, metadata: event.metadata });
    const row = { ...event, streamVersion, hash, previousHash };
    previousHash = hash;
    return row;
  });
  const written = await writeIfHeadIs(tx, streamId, head, chained);
  if (!written) return undefined;
  const toVersion = head.version + chained.length;
  rememberHead(streamId, { version: toVersion, lastHash: previousHash });
  countAppend();
  // RETURNING order is not guaranteed by SQL: map back by version.
  const positionOf = new Map(written.map((row) => [row.version, row.position]));
  return {
    fromVersion: head.version + 1,
    toVersion,
    positions: chained.map((row) => positionOf.get(row.streamVersion)!),
    eventIds: chained.map((row) => row.eventId),
    alreadyAppended: false,
  };
}

/** A retry returns what the first attempt stored; any other reuse of stored ids is a CONFLICT. */
function alreadyAppended(
  streamId: string,
  eventIds: string[],
  stored: { eventId: string; streamId: string; version: number; position: number }[],
): AppendResult {
  const byId = new Map(stored.map((row) => [row.eventId, row]));
  const retry = stored.length === eventIds.length && stored.every((row) => row.streamId === streamId);
  if (!retry) {
    throw new EventIdConflict(
      'Some of these event ids were already appended, but not as this same batch to this stream.',
      streamId,
      stored.map((row) => row.eventId),
    );
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

function isExpected(expected: ExpectedVersion, actual: number): boolean {
  return expected === 'any' || (expected === 'no_stream' ? 0 : expected) === actual;
}

function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (isExpected(expected, actual)) return;
  throw new StreamVersionConflict(streamId, expected, actual);
}

function validate(options: AppendEventsOptions): void {
  if (!options.streamId.trim()) throw invalidInput('A stream id must not be empty.');
  const expected = options.expectedVersion;
  if (typeof expected === 'number' && !(Number.isInteger(expected) && expected >= 0)) {
    throw invalidInput(`Expected version must be a whole number >= 0, 'no_stream' or 'any', not ${expected}.`);
  }
  if (options.events.length === 0) throw invalidInput('Append at least one event.');
  const seen = new Set<string>();
  for (const event of options.events) {
    if (!event.type.trim()) throw invalidInput('An event type must not be empty.');
    if (event.eventId === undefined) continue;
    if (!UUID.test(event.eventId)) throw invalidInput(`Event id "${event.eventId}" is not a UUID.`);
    const id = event.eventId.toLowerCase();
    if (seen.has(id)) throw invalidInput(`Event id ${id} appears twice in one batch.`);
    seen.add(id);
  }
}
