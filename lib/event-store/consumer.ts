import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor, Transaction } from './executor.js';
import type { StoredEvent } from './read-stream.js';
import { eventConsumers, events } from './schema.js';

/** Where a consumer stands: the last event it processed, in commit order. */
export interface Checkpoint {
  transactionId: number;
  position: number;
}

/** Receives one batch inside the transaction that will save the checkpoint (see pollConsumer). */
export type ConsumerHandler<TSchema extends Record<string, unknown>> = (batch: StoredEvent[], tx: Transaction<TSchema>) => Promise<void> | void;

export interface PollResult {
  delivered: number;
  checkpoint: Checkpoint;
  /** Another instance of this consumer holds its checkpoint row right now: nothing was read. */
  busy: boolean;
}

/** 100 events per transaction: a handler's writes stay one short transaction, and a catch-up still moves fast. */
export const DEFAULT_BATCH_SIZE = 100;

/**
 * Delivers the next batch of events after the consumer's checkpoint, in commit order, and saves the new checkpoint.
 *
 * Commit order: positions come from a sequence when rows are inserted, not when they commit, so a writer can
 * commit position 7 after position 8 was already visible; a reader going by position alone would skip 7 for ever.
 * We read only events of transactions below the oldest transaction still in flight
 * (pg_snapshot_xmin(pg_current_snapshot())): every such transaction has ended, so no event can appear later
 * below that bound. Ordered by (transaction_id, global_position), the checkpoint only ever moves past events
 * that are final.
 *
 * Semantics: the handler runs in the same transaction that saves the checkpoint. Whatever it writes through `tx`
 * to this database is applied exactly once (committed together with the checkpoint, or rolled back with it).
 * Anything else it does (HTTP calls, publishing to subscribers) is at-least-once: if the handler or the commit
 * fails, the same batch is delivered again, so such effects must be idempotent (use event ids).
 * A handler that keeps failing blocks its consumer (no dead-lettering yet): the error propagates to the caller.
 *
 * Two replicas running the same consumer never process one batch twice: a poll first takes a transaction-scoped
 * advisory lock on the consumer's name and, if another poll holds it, returns `busy` at once.
 */
export async function pollConsumer<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  name: string,
  handler: ConsumerHandler<TSchema>,
  options: { batchSize?: number } = {},
): Promise<PollResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  return db.transaction(async (tx) => {
    if (!(await tryLockConsumer(tx, name))) return { delivered: 0, checkpoint: await readCheckpoint(tx, name), busy: true };
    // Read after the lock, in a later statement: its snapshot includes the checkpoint the lock's last holder committed.
    const [row] = await tx
      .select({ transactionId: eventConsumers.lastTransactionId, position: eventConsumers.lastPosition })
      .from(eventConsumers)
      .where(eq(eventConsumers.name, name));
    // First poll under this name: nothing to lock for the checkpoint, so it starts at the beginning.
    if (!row) await tx.insert(eventConsumers).values({ name }).onConflictDoNothing();
    const from: Checkpoint = row ?? { transactionId: 0, position: 0 };
    const batch = await tx
      .select()
      .from(events)
      .where(
        and(
          sql`(${events.transactionId}, ${events.globalPosition}) > (${from.transactionId}::bigint, ${from.position}::bigint)`,
          sql`${events.transactionId} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`,
        ),
      )
      .orderBy(asc(events.transactionId), asc(events.globalPosition))
      .limit(batchSize);
    const last = batch.at(-1);
    if (!last) return { delivered: 0, checkpoint: from, busy: false };
    await handler(batch, tx);
    const checkpoint = { transactionId: last.transactionId, position: last.globalPosition };
    await tx
      .update(eventConsumers)
      .set({ lastTransactionId: checkpoint.transactionId, lastPosition: checkpoint.position, updatedAt: sql`now()` })
      .where(eq(eventConsumers.name, name));
    return { delivered: batch.length, checkpoint, busy: false };
  });
}

/** The consumer's saved checkpoint ({0, 0} before its first batch). */
export async function readCheckpoint<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, name: string): Promise<Checkpoint> {
  const [row] = await db
    .select({ transactionId: eventConsumers.lastTransactionId, position: eventConsumers.lastPosition })
    .from(eventConsumers)
    .where(eq(eventConsumers.name, name));
  return row ?? { transactionId: 0, position: 0 };
}

/**
 * A try-lock on the consumer's name, released at commit. An advisory lock rather than SELECT ... FOR UPDATE on
 * the checkpoint: row locks assign a transaction id, so every idle poll would burn one and, while the handler runs,
 * hold back the in-flight horizon that every other consumer on the server reads below. The key includes the schema
 * because advisory locks are per database and services share one database in separate schemas; a 32-bit hash
 * collision between two names only makes them take turns.
 */
async function tryLockConsumer<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, name: string): Promise<boolean> {
  const result = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '/event-consumer/' || ${name})) AS locked`);
  // Both drivers' results carry `rows`; drizzle types execute() over both as unknown (see lib/db/query-rows.ts).
  const [row] = (result as unknown as { rows: { locked: boolean }[] }).rows;
  return row?.locked === true;
}
