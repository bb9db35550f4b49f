import { and, eq, inArray, ne } from 'drizzle-orm';
import { conflict } from '../domain/domain-error.js';
import type { Transaction } from '../event-store/executor.js';
import { txReservations } from './schema.js';

function heldBy(resource: string, transactionId: string) {
  return conflict(`${resource} is part of transaction ${transactionId}, which is still in progress; try again in a moment`, {
    resource,
    transactionId,
  });
}

/**
 * Takes the resources for a branch in the caller's local transaction. An insert on a key that another
 * uncommitted prepare holds waits for it (a unique index does); once that prepare commits, ours finds the row and
 * answers CONFLICT, so two global transactions never both hold a character.
 */
export async function reserveResources<TSchema extends Record<string, unknown>>(
  tx: Transaction<TSchema>,
  transactionId: string,
  resources: readonly string[],
): Promise<void> {
  // Sorted: two branches reserving overlapping sets always lock in the same order, so they cannot deadlock.
  for (const resource of [...new Set(resources)].sort()) {
    const [taken] = await tx.insert(txReservations).values({ resource, transactionId }).onConflictDoNothing().returning();
    if (taken) continue;
    const [holder] = await tx.select().from(txReservations).where(eq(txReservations.resource, resource));
    if (holder && holder.transactionId !== transactionId) throw heldBy(resource, holder.transactionId);
  }
}

export async function releaseResources<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, transactionId: string): Promise<void> {
  await tx.delete(txReservations).where(eq(txReservations.transactionId, transactionId));
}

/**
 * For ordinary writes (a mutation outside any global transaction): CONFLICT if a prepared branch holds one of
 * the resources. The momentary insert-and-delete makes this write and a concurrent prepare of the same resource
 * queue on the key instead of both reading "free": whichever commits second sees the other.
 */
export async function guardResources<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, resources: readonly string[]): Promise<void> {
  // The nil UUID marks a guard row: it never outlives the caller's transaction.
  const guard = '00000000-0000-0000-0000-000000000000';
  const sorted = [...new Set(resources)].sort();
  for (const resource of sorted) {
    const [taken] = await tx.insert(txReservations).values({ resource, transactionId: guard }).onConflictDoNothing().returning();
    if (!taken) {
      const [holder] = await tx
        .select()
        .from(txReservations)
        .where(and(eq(txReservations.resource, resource), ne(txReservations.transactionId, guard)));
      if (holder) throw heldBy(resource, holder.transactionId);
    }
  }
  if (sorted.length) {
    await tx.delete(txReservations).where(and(inArray(txReservations.resource, sorted), eq(txReservations.transactionId, guard)));
  }
}
