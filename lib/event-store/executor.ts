import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

/**
 * A database or an open transaction of either driver: drizzle's PgTransaction extends PgDatabase, so reads run
 * inside a caller's transaction or on their own.
 * Generic over the caller's schema: the event store only uses the tables it imports itself.
 */
export type Executor<TSchema extends Record<string, unknown> = Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

/**
 * An open transaction (what `db.transaction(async (tx) => ...)` hands over). Appends demand one: outside a
 * transaction each statement would commit alone, and the stream lock would not outlive its own SELECT.
 */
export type Transaction<TSchema extends Record<string, unknown> = Record<string, unknown>> = PgTransaction<
  PgQueryResultHKT,
  TSchema,
  ExtractTablesWithRelations<TSchema>
>;
