import type { AppDatabase } from '../db/open-database.js';
import type { Transaction } from '../event-store/executor.js';
import type { NewEvent } from '../event-store/append-events.js';
import { lockStream } from '../event-store/lock-stream.js';
import type { Projection } from '../event-store/projection.js';
import type { StoredEvent } from '../event-store/read-stream.js';
import { recordEvents } from '../event-store/record-events.js';
import { StreamVersionConflict, type VersionExpectation } from './domain-error.js';

/** Who and what caused the command: carried into every event's metadata. */
export interface CommandMetadata {
  /** The request's id, or a global transaction's id for a 2PC branch. */
  correlationId?: string | undefined;
  causationId?: string | undefined;
  userId?: string | null | undefined;
}

/** What `decide` answers: the events to append (none: nothing changes) and what the caller learns beyond them. */
export interface Decision<TOutcome = void> {
  events: readonly NewEvent[];
  outcome: TOutcome;
}

/** Handed to `answer` once the events are appended and projected. */
export interface Decided<TState, TOutcome> {
  /** The state `decide` saw. */
  state: TState;
  /** The stream's version `decide` saw, and after the append. */
  fromVersion: number;
  toVersion: number;
  outcome: TOutcome;
  /** The appended events as stored (empty when `decide` decided none). */
  stored: StoredEvent[];
}

export interface Command<TSchema extends Record<string, unknown>, TState, TOutcome, TAnswer> {
  streamId: string;
  /**
   * The version the command was issued against: a number (the client's expectedVersion), 'no_stream' (a create) or
   * 'any' (commands that commute, like an experience award: the lock still orders them, and `decide` sees the latest).
   */
  expectedVersion: VersionExpectation;
  /** How a version conflict names the stream to a user ("character"); default the stream's id. */
  entity?: string;
  projection: Projection<TSchema>;
  metadata: CommandMetadata;
  /** Checks that must precede the stream lock, such as a 2PC reservation guard (lib/transactions guardResources). */
  guard?(tx: Transaction<TSchema>): Promise<void>;
  /** Reads the state to decide from, under the stream lock; throws NotFound when the command needs one and there is none. */
  load(tx: Transaction<TSchema>): Promise<TState>;
  /**
   * Who may issue the command, checked on the loaded state before its version: a caller who may not touch the stream
   * learns nothing from a version conflict. Throws Forbidden (or NotFound, to hide the stream).
   */
  authorize?(state: TState): void;
  /** Pure: from the state and the command (closed over), the events, or a DomainError thrown (nothing is written). */
  decide(state: TState, version: number): Decision<TOutcome>;
  /** The command's answer, read in the same transaction from the projected read tables. */
  answer(tx: Transaction<TSchema>, decided: Decided<TState, TOutcome>): Promise<TAnswer>;
}

/**
 * THE write of every service: one local transaction that locks the stream, loads the state, authorizes, checks the
 * expected version, decides, appends with the version it decided on and projects (recordEvents), then answers. Any throw
 * (a refusal, a projection's failure) rolls all of it back. A version conflict is answered, never retried: the
 * client decided on a state that is gone and must look again.
 */
export function runCommand<TSchema extends Record<string, unknown>, TState, TOutcome, TAnswer>(
  db: AppDatabase<TSchema>,
  command: Command<TSchema, TState, TOutcome, TAnswer>,
): Promise<TAnswer> {
  return db.transaction((tx) => runCommandIn(tx, command));
}

/**
 * runCommand's steps inside a transaction the caller owns: a 2PC branch's commit, which also moves the branch's
 * own rows, or one write of several that must commit together. The caller's transaction rolls back on a throw.
 */
export async function runCommandIn<TSchema extends Record<string, unknown>, TState, TOutcome, TAnswer>(
  tx: Transaction<TSchema>,
  command: Command<TSchema, TState, TOutcome, TAnswer>,
): Promise<TAnswer> {
  const { streamId } = command;
  await command.guard?.(tx);
  const version = await lockStream(tx, streamId);
  const state = await command.load(tx);
  command.authorize?.(state);
  const expected = command.expectedVersion;
  if (expected !== 'any' && (expected === 'no_stream' ? 0 : expected) !== version) {
    throw new StreamVersionConflict(streamId, expected, version, command.entity);
  }
  const { events, outcome } = command.decide(state, version);
  if (events.length === 0) return command.answer(tx, { state, fromVersion: version, toVersion: version, outcome, stored: [] });
  const recorded = await recordEvents(tx, command.projection, {
    streamId,
    // Exactly the version decided on: the lock makes it the head, and the append checks it all the same.
    expectedVersion: version === 0 ? 'no_stream' : version,
    events,
    correlationId: command.metadata.correlationId,
    causationId: command.metadata.causationId,
    userId: command.metadata.userId,
  });
  return command.answer(tx, { state, fromVersion: version, toVersion: recorded.toVersion, outcome, stored: recorded.stored });
}
