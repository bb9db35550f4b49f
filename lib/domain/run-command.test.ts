import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import type { Transaction } from '../event-store/executor.js';
import type { Projection } from '../event-store/projection.js';
import { readStream, streamVersion } from '../event-store/read-stream.js';
import { eventStreams, type eventStoreTables } from '../event-store/schema.js';
import { openEventStoreForTest } from '../event-store/testing/open-event-store.js';
import { InvalidInput, NotFound, StreamVersionConflict, invalidInput, notFound } from './domain-error.js';
import { runCommand, runCommandIn, type Command } from './run-command.js';

// A tiny aggregate: a counter whose value may not go below zero; its read table holds the value and the version.
const counters = pgTable('run_command_counters', { id: text('id').primaryKey(), value: integer('value').notNull(), version: integer('version').notNull() });
type Schema = typeof eventStoreTables;
type Tx = Transaction<Schema>;

/** Fails on demand for the amount 13: a projection that breaks after its append. */
const projection: Projection<Schema> = {
  readTables: [counters],
  async apply(tx, event) {
    const { id, amount } = event.data as { id: string; amount: number };
    if (amount === 13) throw new Error('projection failed');
    await tx
      .insert(counters)
      .values({ id, value: amount, version: event.streamVersion })
      .onConflictDoUpdate({ target: counters.id, set: { value: sql`${counters.value} + ${amount}`, version: event.streamVersion } });
  },
};

let database: Database<Schema>;
beforeAll(async () => {
  database = await openEventStoreForTest();
  await database.db.execute(sql`CREATE TABLE run_command_counters (id text PRIMARY KEY, value integer NOT NULL, version integer NOT NULL)`);
});
afterAll(() => database?.close());

async function valueOf(tx: Tx | Database<Schema>['db'], id: string): Promise<number | null> {
  const [row] = await tx.select().from(counters).where(eq(counters.id, id));
  return row?.value ?? null;
}

/** add(amount) to counter `id`, decided on `expectedVersion`: refused when the counter is missing or would go negative. */
function add(
  id: string,
  amount: number,
  expectedVersion: Command<Schema, number | null, void, number>['expectedVersion'],
): Command<Schema, number | null, void, number> {
  return {
    streamId: `counter-${id}`,
    expectedVersion,
    entity: 'counter',
    projection,
    metadata: { correlationId: 'test', userId: 'alice' },
    load: (tx) => valueOf(tx, id),
    decide(value) {
      if (value === null && expectedVersion !== 'no_stream') throw notFound(`no counter ${id}`);
      if ((value ?? 0) + amount < 0) throw invalidInput('a counter cannot go below zero', { field: 'amount', rule: 'NOT_NEGATIVE' });
      return { events: amount === 0 ? [] : [{ type: 'Added', data: { id, amount } }], outcome: undefined };
    },
    answer: async (tx) => (await valueOf(tx, id)) ?? 0,
  };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );

describe('runCommand', () => {
  it('loads, decides, appends with the version it decided on, projects, and answers from the read table', async () => {
    const id = randomUUID();
    expect(await runCommand(database.db, add(id, 5, 'no_stream'))).toBe(5);
    expect(await runCommand(database.db, add(id, 2, 1))).toBe(7);
    expect(await runCommand(database.db, add(id, 1, 'any'))).toBe(8);
    const history = await readStream(database.db, `counter-${id}`);
    expect(history.map((event) => [event.streamVersion, event.data, event.metadata])).toEqual([
      [1, { id, amount: 5 }, { correlationId: 'test', userId: 'alice' }],
      [2, { id, amount: 2 }, { correlationId: 'test', userId: 'alice' }],
      [3, { id, amount: 1 }, { correlationId: 'test', userId: 'alice' }],
    ]);
  });

  it('a stale expected version is a StreamVersionConflict that writes nothing and is not retried', async () => {
    const id = randomUUID();
    await runCommand(database.db, add(id, 5, 'no_stream'));
    let decided = 0;
    const stale = add(id, 1, 0);
    const counting = { ...stale, decide: (...args: Parameters<typeof stale.decide>) => (decided++, stale.decide(...args)) };
    const error = await rejection(runCommand(database.db, counting));
    expect(error).toBeInstanceOf(StreamVersionConflict);
    expect(error).toMatchObject({ kind: 'CONFLICT', details: { streamId: `counter-${id}`, expectedVersion: 0, actualVersion: 1, currentVersion: 1 } });
    expect((error as Error).message).toBe('counter changed since version 0; it is now at version 1: reload and retry');
    // Refused before deciding, and once: no retry decided on the newer state behind the client's back.
    expect(decided).toBe(0);
    expect(await streamVersion(database.db, `counter-${id}`)).toBe(1);
    expect(await valueOf(database.db, id)).toBe(5);
    // A create of a stream that exists is the same conflict.
    expect(await rejection(runCommand(database.db, add(id, 1, 'no_stream')))).toMatchObject({ details: { expectedVersion: 'no_stream', actualVersion: 1 } });
  });

  it("decide's refusal writes nothing: no event, no stream row, no read row", async () => {
    const id = randomUUID();
    const missing = await rejection(runCommand(database.db, add(id, 1, 'any')));
    expect(missing).toBeInstanceOf(NotFound);
    expect(
      await database.db
        .select()
        .from(eventStreams)
        .where(eq(eventStreams.streamId, `counter-${id}`)),
    ).toEqual([]);
    await runCommand(database.db, add(id, 2, 'no_stream'));
    const negative = await rejection(runCommand(database.db, add(id, -3, 1)));
    expect(negative).toBeInstanceOf(InvalidInput);
    expect(negative).toMatchObject({ field: 'amount', rule: 'NOT_NEGATIVE' });
    expect(await streamVersion(database.db, `counter-${id}`)).toBe(1);
    expect(await valueOf(database.db, id)).toBe(2);
  });

  it('a decision of no events appends nothing and still answers', async () => {
    const id = randomUUID();
    await runCommand(database.db, add(id, 4, 'no_stream'));
    expect(await runCommand(database.db, add(id, 0, 1))).toBe(4);
    expect(await streamVersion(database.db, `counter-${id}`)).toBe(1);
  });

  it("a projection's failure rolls the append back with it", async () => {
    const id = randomUUID();
    await runCommand(database.db, add(id, 1, 'no_stream'));
    await expect(runCommand(database.db, add(id, 13, 1))).rejects.toThrow('projection failed');
    expect((await readStream(database.db, `counter-${id}`)).map((event) => event.data)).toEqual([{ id, amount: 1 }]);
    expect(await streamVersion(database.db, `counter-${id}`)).toBe(1);
    // The stream's head did not move either: the next command decides on version 1 and succeeds.
    expect(await runCommand(database.db, add(id, 2, 1))).toBe(3);
  });

  it("runCommandIn writes inside the caller's transaction, and rolls back with it", async () => {
    const id = randomUUID();
    const other = randomUUID();
    await runCommand(database.db, add(id, 1, 'no_stream'));
    await expect(
      database.db.transaction(async (tx) => {
        await runCommandIn(tx, add(other, 7, 'no_stream'));
        expect(await valueOf(tx, other)).toBe(7);
        await runCommandIn(tx, add(id, -5, 'any'));
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    expect(await valueOf(database.db, other)).toBeNull();
    expect(await streamVersion(database.db, `counter-${other}`)).toBe(0);
    // Committed with the caller's transaction: both commands' events and rows, or neither.
    await database.db.transaction(async (tx) => {
      await runCommandIn(tx, add(other, 7, 'no_stream'));
      await runCommandIn(tx, add(id, 1, 1));
    });
    expect([await valueOf(database.db, other), await valueOf(database.db, id)]).toEqual([7, 2]);
  });

  it('runs the guard before anything else, and a guard that refuses writes nothing', async () => {
    const id = randomUUID();
    const guarded = { ...add(id, 1, 'no_stream' as const), guard: () => Promise.reject(invalidInput('held', { rule: 'HELD' })) };
    await expect(runCommand(database.db, guarded)).rejects.toMatchObject({ rule: 'HELD' });
    expect(await streamVersion(database.db, `counter-${id}`)).toBe(0);
  });
});
