/**
 * appendEvents' one-statement path (append-statement.ts): it chains onto the head this process remembers
 * (stream-heads.ts), so these tests make that guess wrong in every way and check that nothing wrong is written.
 * Runs on PGlite, and on PostgreSQL with DATABASE_URL, where the 8 writers really overlap.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { appendEvents } from './append-events.js';
import { readStream } from './read-stream.js';
import type { eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';
import { verifyStream } from './verify-stream.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
});
afterAll(() => database?.close());

const stream = () => `fast-${randomUUID()}`;
const event = (n: number, eventId?: string) => ({ type: 'Step', data: { n }, ...(eventId ? { eventId } : {}) });

describe('appendEvents, one statement per append', () => {
  it('sends one statement besides BEGIN/COMMIT to a stream it wrote last, and to a new one', async () => {
    const streamId = stream();
    const statementsOf = async (run: () => Promise<unknown>) => {
      const before = database.stats.statements;
      await run();
      return database.stats.statements - before;
    };
    // node-postgres' drizzle logs BEGIN and COMMIT as statements, PGlite's does not: count them once and take them off.
    const transaction = await statementsOf(() => database.db.transaction(async () => undefined));
    const created = await statementsOf(() => append(database.db, { streamId, expectedVersion: 'no_stream', events: [event(1)] }));
    const next = await statementsOf(() => append(database.db, { streamId, expectedVersion: 1, events: [event(2)] }));
    const any = await statementsOf(() => append(database.db, { streamId, expectedVersion: 'any', events: [event(3), event(4)] }));
    expect({ created, next, any }).toEqual({ created: transaction + 1, next: transaction + 1, any: transaction + 1 });
    expect((await verifyStream(database.db, streamId)).ok).toBe(true);
  });

  it('returns the recorded events to a retry of an append that took the fast path, whatever the expected version', async () => {
    const streamId = stream();
    const ids = [randomUUID(), randomUUID()];
    const first = await append(database.db, { streamId, expectedVersion: 'no_stream', events: [event(1, ids[0]), event(2, ids[1])] });
    await append(database.db, { streamId, expectedVersion: 2, events: [event(3)] });
    for (const expectedVersion of ['no_stream', 'any', 2] as const) {
      const retry = await append(database.db, { streamId, expectedVersion, events: [event(1, ids[0]), event(2, ids[1])] });
      expect(retry).toEqual({ ...first, alreadyAppended: true });
    }
    expect(await readStream(database.db, streamId)).toHaveLength(3);
  });

  it('chains onto the stored head when the remembered one was rolled back', async () => {
    const streamId = stream();
    await append(database.db, { streamId, expectedVersion: 'no_stream', events: [event(1)] });
    const rolledBack = new Error('the domain write failed after appending');
    await expect(
      database.db.transaction(async (tx) => {
        await appendEvents(tx, { streamId, expectedVersion: 1, events: [event(2)] });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    const after = await append(database.db, { streamId, expectedVersion: 'any', events: [event(3)] });
    expect(after).toMatchObject({ fromVersion: 2, toVersion: 2 });
    expect(await verifyStream(database.db, streamId)).toMatchObject({ ok: true, eventsChecked: 2 });
  });

  it('keeps gapless versions and a valid hash chain when 8 writers append to one stream at once', async () => {
    const streamId = stream();
    const perWriter = 10;
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let n = 0; n < perWriter; n++) await append(database.db, { streamId, expectedVersion: 'any', events: [{ type: 'Step', data: { writer, n } }] });
      }),
    );
    const history = await readStream(database.db, streamId);
    expect(history.map((stored) => stored.streamVersion)).toEqual(Array.from({ length: 8 * perWriter }, (_, index) => index + 1));
    // Commit order (transaction id, then position) follows the versions: what consumers rely on.
    const inCommitOrder = [...history].sort((a, b) => a.transactionId - b.transactionId || a.globalPosition - b.globalPosition);
    expect(inCommitOrder.map((stored) => stored.streamVersion)).toEqual(history.map((stored) => stored.streamVersion));
    expect(await verifyStream(database.db, streamId)).toMatchObject({ ok: true, eventsChecked: 8 * perWriter });
  });
});
