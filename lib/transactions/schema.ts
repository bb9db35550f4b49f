/**
 * The participant side of the hub's two-phase commit: every service that takes part includes these tables in its
 * own drizzle schema (`export * from '../../../../lib/transactions/schema.js'`), so a branch's record commits in
 * the same local transaction as the work it prepares or applies.
 */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** PREPARED holds reservations until the hub's decision; COMMITTED and ABORTED are final. */
export type BranchState = 'PREPARED' | 'COMMITTED' | 'ABORTED';

/**
 * One row per global transaction this service took part in, and the fence: an abort that arrives before its
 * prepare writes an ABORTED row with no payload, so the late prepare finds it and fails instead of leaving a
 * reservation nobody will ever release.
 */
export const txBranches = pgTable(
  'tx_branches',
  {
    transactionId: uuid('transaction_id').primaryKey(),
    /** The participant operation (e.g. awardSessionExperience); null for a fence written by an early abort. */
    operation: text('operation'),
    state: text('state').$type<BranchState>().notNull(),
    /** What prepare was asked to do, kept for commit (a restarted process has nothing else). */
    payload: jsonb('payload').$type<unknown>(),
    /** What prepare found (e.g. the party a session's experience goes to), answered again to a duplicate prepare. */
    prepared: jsonb('prepared').$type<unknown>(),
    /** The user the hub acted for. */
    actor: text('actor'),
    /** The global transaction's deadline: past it (and a grace) the participant asks the hub what became of it. */
    deadline: timestamp('deadline', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now()`),
  },
  (table) => [index('tx_branches_state_deadline_idx').on(table.state, table.deadline)],
);

/**
 * Resources a prepared branch holds until the decision ('character:<id>', 'session:<id>'). The primary key is
 * the lock: a second transaction (or an ordinary write, see guardResource) on the same resource waits for an
 * uncommitted prepare and then fails with CONFLICT instead of waiting for a decision that may take seconds.
 */
export const txReservations = pgTable(
  'tx_reservations',
  {
    resource: text('resource').primaryKey(),
    transactionId: uuid('transaction_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now()`),
  },
  (table) => [index('tx_reservations_transaction_idx').on(table.transactionId)],
);

export const transactionTables = { txBranches, txReservations };
export type TxBranchRow = typeof txBranches.$inferSelect;
