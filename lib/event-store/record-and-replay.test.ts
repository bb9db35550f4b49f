import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { queryRows } from '../db/query-rows.js';
import type { Projection } from './projection.js';
import { checkReadTables } from './check-read-tables.js';
import { recordEvents } from './record-events.js';
import { replayProjection } from './replay.js';
import { eventStoreTables } from './schema.js';
import { openEventStoreForTest } from './testing/open-event-store.js';

// A tiny read model: a tally per counter, its update time taken from the event (never from the clock).
const tallies = pgTable('tallies', {
  id: text('id').primaryKey(),
  total: integer('total').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
});
type Schema = typeof eventStoreTables;

const projection: Projection<Schema> = {
  readTables: [tallies],
  async apply(tx, event) {
    const { id, amount } = event.data as { id: string; amount: number };
    await tx
      .insert(tallies)
      .values({ id, total: amount, updatedAt: event.recordedAt })
      .onConflictDoUpdate({ target: tallies.id, set: { total: sql`${tallies.total} + ${amount}`, updatedAt: event.recordedAt } });
  },
};

let database: Database<Schema>;
beforeAll(async () => {
  database = await openEventStoreForTest();
  await database.db.execute(sql`CREATE TABLE tallies (id text PRIMARY KEY, total integer NOT NULL, updated_at timestamptz(3) NOT NULL)`);
});
afterAll(() => database?.close());

const snapshot = () => queryRows<Record<string, unknown>>(database.db, sql`SELECT * FROM tallies ORDER BY id`);

describe('recordEvents and replayProjection', () => {
  it('applies recorded events to the read table, ignores an idempotent retry, and rebuilds the same table', async () => {
    for (let n = 0; n < 30; n++) {
      const id = `counter-${n % 4}`;
      await database.db.transaction((tx) =>
        recordEvents(tx, projection, { streamId: id, expectedVersion: 'any', events: [{ type: 'Added', data: { id, amount: n } }] }),
      );
    }
    const retried = '3f0c8a52-6d0e-4a43-9c2b-5b1f2f7d9a11';
    for (let attempt = 0; attempt < 2; attempt++) {
      await database.db.transaction((tx) =>
        recordEvents(tx, projection, {
          streamId: 'counter-0',
          expectedVersion: 'any',
          events: [{ eventId: retried, type: 'Added', data: { id: 'counter-0', amount: 1000 } }],
        }),
      );
    }
    const before = await snapshot();
    expect(before.find((row) => row.id === 'counter-0')?.total).toBe(0 + 4 + 8 + 12 + 16 + 20 + 24 + 28 + 1000);

    expect(await checkReadTables(database.db, projection)).toEqual([]);
    await database.db.execute(sql`UPDATE tallies SET total = -1 WHERE id = 'counter-1'`); // a damaged read model
    const differences = await checkReadTables(database.db, projection);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ table: 'tallies', onlyLive: [{ id: 'counter-1', total: -1 }], onlyReplayed: [{ id: 'counter-1' }] });
    expect((await snapshot()).find((row) => row.id === 'counter-1')?.total).toBe(-1); // the check changed nothing

    const result = await replayProjection(database.db, projection);
    expect(result.events).toBe(31);
    expect(await snapshot()).toEqual(before);
  });

  it('rolls the events back with the transaction when the projection fails', async () => {
    const countEvents = async () => Number((await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM events`))[0]?.n);
    const eventsBefore = await countEvents();
    const failing: Projection<Schema> = { readTables: [], apply: async () => Promise.reject(new Error('projection failed')) };
    await expect(
      database.db.transaction((tx) =>
        recordEvents(tx, failing, { streamId: 'x', expectedVersion: 'any', events: [{ type: 'Added', data: { id: 'x', amount: 1 } }] }),
      ),
    ).rejects.toThrow('projection failed');
    expect(await countEvents()).toBe(eventsBefore);
  });
});
