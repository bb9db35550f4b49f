/**
 * The idempotency keys a service has seen. Every service includes this table in its own drizzle schema
 * (`export * from '../../../../lib/subgraph/idempotency/schema.js'` in src/db/schema.ts), beside the rows its
 * mutations write: a mutation retried with its `idempotency-key` (by the client, or by the hub after a timeout)
 * is answered from here instead of running twice.
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const idempotentRequests = pgTable(
  'idempotent_requests',
  {
    /** The caller's user id ('' for an anonymous caller): a key is the caller's own, never shared between users. */
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    /** sha-256 of the operation and its variables: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: text('status', { enum: ['IN_PROGRESS', 'COMPLETED'] }).notNull(),
    /** The answer kept once COMPLETED ({ data }). */
    response: jsonb('response').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Refreshed when a request takes over an abandoned IN_PROGRESS key. */
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.key] }),
    index('idempotent_requests_created_at_idx').on(table.createdAt),
    check('idempotent_requests_status_check', sql`${table.status} IN ('IN_PROGRESS', 'COMPLETED')`),
  ],
);

export const idempotencyTables = { idempotentRequests };
