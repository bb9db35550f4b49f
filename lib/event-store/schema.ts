/**
 * The event store's tables. Every service includes them in its own drizzle schema
 * (`export * from '../../../../lib/event-store/schema.js'` in src/db/schema.ts) so that its drizzle-kit
 * migrations create them in the service's own database: events live beside the state they explain and are
 * appended in the same local transaction.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Who and what caused an event: followed across services by correlationId (one chain) and causationId (one step). */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  userId?: string | null;
  [key: string]: unknown;
}

export const events = pgTable(
  'events',
  {
    // Identity, not a sequence default, so that nobody can insert a position by hand. 'number' mode: 2^53
    // positions is far beyond any service's lifetime.
    globalPosition: bigint('global_position', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: uuid('event_id').notNull().unique('events_event_id_unique'),
    streamId: text('stream_id').notNull(),
    /** 1 for a stream's first event: a stream's version is the number of events it holds. */
    streamVersion: integer('stream_version').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<unknown>().notNull(),
    metadata: jsonb('metadata').$type<EventMetadata>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // The writing transaction's id (xid8 from pg_current_xact_id(), PostgreSQL >= 13: PGlite 18 and the server's 15)
    // as bigint: consumers order by it and read only below the oldest transaction still in flight (consumer.ts).
    // appendEvents raises it to the stream's previous event's value when the writer's xid is older (it took its xid
    // before waiting for the stream lock), so that consumer order keeps each stream's version order.
    // xid8 is epoch-extended 64-bit; 'number' is exact below 2^53, i.e. for 2^21 wraparound epochs.
    transactionId: bigint('transaction_id', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    hash: text('hash').notNull(),
    /** null for a stream's first event. */
    previousHash: text('previous_hash'),
  },
  (table) => [
    unique('events_stream_version_unique').on(table.streamId, table.streamVersion),
    index('events_transaction_position_idx').on(table.transactionId, table.globalPosition),
  ],
);

/** One row per stream: the row appenders lock, so that concurrent appends to one stream serialize. */
export const eventStreams = pgTable('event_streams', {
  streamId: text('stream_id').primaryKey(),
  version: integer('version').notNull().default(0),
  lastHash: text('last_hash'),
  /** transaction_id of the stream's last event: the floor for the next one (see events.transactionId). */
  lastTransactionId: bigint('last_transaction_id', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** A named consumer's durable checkpoint: the (transaction id, position) of the last event it processed. */
export const eventConsumers = pgTable('event_consumers', {
  name: text('name').primaryKey(),
  lastTransactionId: bigint('last_transaction_id', { mode: 'number' }).notNull().default(0),
  lastPosition: bigint('last_position', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type EventRow = typeof events.$inferSelect;
export type EventStreamRow = typeof eventStreams.$inferSelect;
export type EventConsumerRow = typeof eventConsumers.$inferSelect;

/** The tables as one object, for `openDatabase({ schema: { ...eventStoreTables } })`. */
export const eventStoreTables = { events, eventStreams, eventConsumers };
