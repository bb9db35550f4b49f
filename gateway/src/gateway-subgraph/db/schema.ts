/**
 * The hub's own database (DATA_DIR/hub on PGlite, schema <prefix>hub on Postgres): the coordinator's durable
 * log of global transactions. Nothing here duplicates a service's data; it records who was asked to do what
 * and what the hub decided.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AppDatabase } from '#lib/db/open-database.js';

/** ACTIVE until the decision; COMMITTING / ABORTING while phase two runs; COMMITTED / ABORTED at the end. */
export type TransactionState = 'ACTIVE' | 'COMMITTING' | 'COMMITTED' | 'ABORTING' | 'ABORTED';
/** PENDING: logged, prepare sent or about to be; FAILED: its prepare was refused (the transaction aborts). */
export type BranchState = 'PENDING' | 'PREPARED' | 'FAILED' | 'COMMITTED' | 'ABORTED';

export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    /** The workflow that started it (endSession, joinParty, setCharacterPortrait...). */
    workflow: text('workflow').notNull(),
    state: text('state').$type<TransactionState>().notNull(),
    /** The user it acts for. */
    initiator: text('initiator'),
    /** Past it, a transaction not yet decided aborts (hub.yaml message_hub.transaction.timeout). */
    deadline: timestamp('deadline', { withTimezone: true, mode: 'date' }).notNull(),
    // Millisecond precision: the pagination cursor carries a JS Date, which has no microseconds.
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
      .notNull()
      .default(sql`now()`),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    /** Why it aborted, or the last phase-two failure while it is still being driven. */
    lastError: text('last_error'),
    /** What the workflow answers its caller (ids of what it created), once decided. */
    result: jsonb('result').$type<unknown>(),
  },
  (table) => [index('transactions_state_idx').on(table.state), index('transactions_created_idx').on(table.createdAt, table.id)],
);

export const transactionBranches = pgTable(
  'transaction_branches',
  {
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => transactions.id),
    /** The participant subgraph. One branch per service and transaction: its operation covers all its work. */
    service: text('service').notNull(),
    operation: text('operation').notNull(),
    /** Order of the workflow's steps: prepares run in it, and so do commits and aborts. */
    step: integer('step').notNull(),
    state: text('state').$type<BranchState>().notNull(),
    /** Protocol calls made (prepare, commit and abort attempts). */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** What prepare answered (JSON), handed to later steps. */
    prepared: jsonb('prepared').$type<unknown>(),
    preparedAt: timestamp('prepared_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [primaryKey({ columns: [table.transactionId, table.service] })],
);

export const schema = { transactions, transactionBranches };
export type HubDb = AppDatabase<typeof schema>;
export type TransactionRow = typeof transactions.$inferSelect;
export type TransactionBranchRow = typeof transactionBranches.$inferSelect;
