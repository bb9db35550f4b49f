import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database.js';
import type { Transaction } from '../event-store/executor.js';
import { conflict, invalidInput } from '../domain/domain-error.js';
import type { BranchInfo, Participant } from './participant.js';
import { releaseResources, reserveResources } from './reservations.js';
import { txBranches, txReservations, type BranchState, type TxBranchRow } from './schema.js';

export interface PrepareRequest {
  transactionId: string;
  operation: string;
  payload: unknown;
  actor: string | null;
  deadline: Date;
}

/** What every protocol call answers: the branch's state after the call, and prepare's result. */
export interface BranchAck {
  transactionId: string;
  state: BranchState;
  prepared: unknown;
}

type Db<TSchema extends Record<string, unknown>> = AppDatabase<TSchema>;

function ack(row: TxBranchRow): BranchAck {
  return { transactionId: row.transactionId, state: row.state, prepared: row.prepared ?? null };
}

function operationOf<TSchema extends Record<string, unknown>>(participant: Participant<TSchema>, name: string | null) {
  const operation = name === null ? undefined : participant[name];
  if (!operation) throw invalidInput(`This service has no transaction operation "${name}"`, { operation: name });
  return operation;
}

async function lockBranch<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, transactionId: string): Promise<TxBranchRow | undefined> {
  const [row] = await tx.select().from(txBranches).where(eq(txBranches.transactionId, transactionId)).for('update');
  return row;
}

async function setState<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, transactionId: string, state: BranchState): Promise<TxBranchRow> {
  const [row] = await tx
    .update(txBranches)
    .set({ state, updatedAt: sql`now()` })
    .where(eq(txBranches.transactionId, transactionId))
    .returning();
  if (!row) throw new Error(`branch ${transactionId} vanished inside its own transaction`);
  return row;
}

/**
 * Phase one. Idempotent: a duplicate prepare answers what the first one found. Fenced: after an abort (even one
 * that arrived first) a prepare fails with CONFLICT and reserves nothing. The branch row, the reservations and
 * whatever the operation stages commit together or not at all.
 */
export async function prepareBranch<TSchema extends Record<string, unknown>>(
  db: Db<TSchema>,
  participant: Participant<TSchema>,
  request: PrepareRequest,
): Promise<BranchAck> {
  const operation = operationOf(participant, request.operation);
  const payload = operation.parse(request.payload);
  const info: BranchInfo = { transactionId: request.transactionId, actor: request.actor };
  return db.transaction(async (tx) => {
    // The insert is the fence check: a concurrent abort of the same transaction waits on this key until we end.
    const [created] = await tx
      .insert(txBranches)
      .values({
        transactionId: request.transactionId,
        operation: request.operation,
        state: 'PREPARED',
        payload: operation.stored ? operation.stored(payload) : payload,
        actor: request.actor,
        deadline: request.deadline,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const existing = await lockBranch(tx, request.transactionId);
      if (!existing || existing.state === 'ABORTED') {
        throw conflict(`Transaction ${request.transactionId} was aborted here before this prepare arrived`, {
          transactionId: request.transactionId,
        });
      }
      if (existing.operation !== request.operation) {
        throw conflict(`Transaction ${request.transactionId} already has a ${existing.operation} branch here`, { transactionId: request.transactionId });
      }
      return ack(existing);
    }
    await reserveResources(tx, request.transactionId, operation.resources(payload));
    const prepared = (await operation.prepare(tx, payload, info)) ?? null;
    // The row went in with prepared NULL: an operation that found nothing to answer costs no second write.
    if (prepared === null) return ack(created);
    const [row] = await tx.update(txBranches).set({ prepared }).where(eq(txBranches.transactionId, request.transactionId)).returning();
    return ack(row ?? created);
  });
}

/** Phase two, commit. Idempotent; refused (CONFLICT) for a branch that was never prepared or was aborted. */
export async function commitBranch<TSchema extends Record<string, unknown>>(
  db: Db<TSchema>,
  participant: Participant<TSchema>,
  transactionId: string,
): Promise<BranchAck> {
  return db.transaction(async (tx) => {
    // One statement marks the branch, which locks it, and frees its reservations, where three went before: the
    // operation's commit below is in the same local transaction, so nobody sees either before all of it.
    const committed = tx.$with('committed').as(
      tx
        .update(txBranches)
        .set({ state: 'COMMITTED', updatedAt: sql`now()` })
        .where(and(eq(txBranches.transactionId, transactionId), eq(txBranches.state, 'PREPARED')))
        .returning(),
    );
    const released = tx.$with('released').as(
      tx
        .delete(txReservations)
        .where(inArray(txReservations.transactionId, tx.select({ id: committed.transactionId }).from(committed)))
        .returning({ resource: txReservations.resource }),
    );
    const [row] = await tx.with(committed, released).select().from(committed);
    if (!row) {
      // Not PREPARED: answered from the branch as it is (no branch, a repeated commit, or one that was aborted).
      const existing = await lockBranch(tx, transactionId);
      if (!existing) throw conflict(`Transaction ${transactionId} has no prepared branch here`, { transactionId });
      if (existing.state === 'COMMITTED') return ack(existing);
      throw conflict(`Transaction ${transactionId} was aborted here; it cannot commit`, { transactionId });
    }
    const operation = operationOf(participant, row.operation);
    const info: BranchInfo = { transactionId, actor: row.actor };
    await operation.commit(tx, operation.parse(row.payload), row.prepared as never, info);
    return ack(row);
  });
}

/**
 * Phase two, abort. Idempotent. An abort with no branch yet succeeds and leaves the fence (an ABORTED row
 * without payload): the "empty rollback". Refused (CONFLICT) for a branch that already committed.
 */
export async function abortBranch<TSchema extends Record<string, unknown>>(
  db: Db<TSchema>,
  participant: Participant<TSchema>,
  transactionId: string,
): Promise<BranchAck> {
  return db.transaction(async (tx) => {
    const [fence] = await tx.insert(txBranches).values({ transactionId, state: 'ABORTED' }).onConflictDoNothing().returning();
    if (fence) return ack(fence);
    const row = await lockBranch(tx, transactionId);
    if (!row) throw new Error(`branch ${transactionId} neither inserted nor found`);
    if (row.state === 'ABORTED') return ack(row);
    if (row.state === 'COMMITTED') throw conflict(`Transaction ${transactionId} already committed here; it cannot abort`, { transactionId });
    const operation = operationOf(participant, row.operation);
    if (operation.abort) {
      await operation.abort(tx, operation.parse(row.payload), row.prepared as never, { transactionId, actor: row.actor });
    }
    await releaseResources(tx, transactionId);
    return ack(await setState(tx, transactionId, 'ABORTED'));
  });
}
