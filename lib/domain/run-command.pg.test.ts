/**
 * Runs only against a PostgreSQL server (DATABASE_URL, as .ci/run sets it): concurrent commands on separate
 * connections, which PGlite (one connection, transactions queue) cannot show.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import type { Projection } from '../event-store/projection.js';
import { readStream } from '../event-store/read-stream.js';
import type { eventStoreTables } from '../event-store/schema.js';
import { openEventStoreForTest } from '../event-store/testing/open-event-store.js';
import { verifyAllStreams } from '../event-store/verify-stream.js';
import { StreamVersionConflict } from './domain-error.js';
import { runCommand, type Command } from './run-command.js';

const tallies = pgTable('run_command_pg_tallies', { id: text('id').primaryKey(), total: integer('total').notNull() });
type Schema = typeof eventStoreTables;

const projection: Projection<Schema> = {
  readTables: [tallies],
  async apply(tx, event) {
    const { id, total } = event.data as { id: string; total: number };
    await tx.insert(tallies).values({ id, total }).onConflictDoUpdate({ target: tallies.id, set: { total } });
  },
};

let database: Database<Schema>;
beforeAll(async () => {
  database = await openEventStoreForTest();
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS run_command_pg_tallies (id text PRIMARY KEY, total integer NOT NULL)`);
});
afterAll(() => database?.close());

const WRITERS = 8;

/** Records the NEW total (read, then +1): a lost update shows as a total below the number of commands. */
function increment(id: string, expectedVersion: Command<Schema, number, void, void>['expectedVersion']): Command<Schema, number, void, void> {
  return {
    streamId: `tally-${id}`,
    expectedVersion,
    projection,
    metadata: {},
    async load(tx) {
      // Hold the transaction open so that the writers overlap on the stream lock.
      await tx.execute(sql`SELECT pg_sleep(0.02)`);
      const [row] = await tx.select().from(tallies).where(eq(tallies.id, id));
      return row?.total ?? 0;
    },
    decide: (total) => ({ events: [{ type: 'Incremented', data: { id, total: total + 1 } }], outcome: undefined }),
    answer: async () => undefined,
  };
}

describe('runCommand under real concurrency', () => {
  it("loses no update: 8 concurrent 'any' commands each decide from the one before", async () => {
    const id = randomUUID();
    // Created first: a stream with no event has no head row to lock, and racing creators conflict (next test).
    await runCommand(database.db, increment(id, 'no_stream'));
    await Promise.all(Array.from({ length: WRITERS }, () => runCommand(database.db, increment(id, 'any'))));
    const history = await readStream(database.db, `tally-${id}`);
    expect(history.map((event) => (event.data as { total: number }).total)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await verifyAllStreams(database.db)).ok).toBe(true);
  });

  it("racing first writers of a stream: one creates it, the others are StreamVersionConflicts, even with 'any'", async () => {
    const id = randomUUID();
    const outcomes = await Promise.allSettled(Array.from({ length: WRITERS }, () => runCommand(database.db, increment(id, 'any'))));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(rejected.every((outcome) => outcome.reason instanceof StreamVersionConflict)).toBe(true);
    expect(await readStream(database.db, `tally-${id}`)).toHaveLength(1);
  });

  it('of 8 commands decided on one version exactly one lands; the others are StreamVersionConflicts and write nothing', async () => {
    const id = randomUUID();
    await runCommand(database.db, increment(id, 'no_stream'));
    const outcomes = await Promise.allSettled(Array.from({ length: WRITERS }, () => runCommand(database.db, increment(id, 1))));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(rejected.every((outcome) => outcome.reason instanceof StreamVersionConflict)).toBe(true);
    expect(await readStream(database.db, `tally-${id}`)).toHaveLength(2);
  });
});
