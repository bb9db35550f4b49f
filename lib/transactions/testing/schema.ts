/**
 * The database of the protocol's own tests: the participant tables every service includes, and one table for a
 * tiny participant to work on (counters that a branch adds to). Migrated by testing/drizzle, generated with
 * `npx drizzle-kit generate --dialect=postgresql --schema=./lib/transactions/testing/schema.ts --out=./lib/transactions/testing/drizzle`.
 */
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { transactionTables } from '../schema.js';

export * from '../schema.js';

export const testCounters = pgTable('tx_test_counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

export const testSchema = { ...transactionTables, testCounters };
export type TestSchema = typeof testSchema;
