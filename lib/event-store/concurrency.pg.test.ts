/**
 * Runs only against a PostgreSQL server (DATABASE_URL, as .ci/run sets it): real concurrent transactions on
 * separate connections, which PGlite (one connection, transactions queue) cannot show.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Conflict } from '../domain/domain-error.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { appendEvents } from './append-events.js';
import { pollConsumer } from './consumer.js';
import { readAll, readStream, streamVersion } from './read-stream.js';
import { runConsumer } from './run-consumer.js';
import type { StoredEvent } from './read-stream.js';
import type { eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';
import { pollUntil } from './testing/poll-until.js';
import { verifyAllStreams } from './verify-stream.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
});
afterAll(() => database?.close());

const WRITERS = 8;
const isConflict = (error: unknown) => error instanceof Conflict;

describe('appendEvents under real concurrency', () => {
  it('lets exactly one of 8 concurrent creators of one stream win; the others get CONFLICT', async () => {
    const streamId = `race-${randomUUID()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) =>
        database.db.transaction(async (tx) => {
          // Hold the transaction open a little so that all eight overlap on the stream lock.
          await tx.execute(sql`SELECT pg_sleep(0.05)`);
          return appendEvents(tx, { streamId, expectedVersion: 'no_stream', events: [{ type: 'Created', data: { writer } }] });
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected.every((o) => isConflict(o.reason))).toBe(true);
    expect(await readStream(database.db, streamId)).toHaveLength(1);
  });

  it('keeps one gapless, correctly chained history when 8 writers race on exact versions and retry', async () => {
    const streamId = `contended-${randomUUID()}`;
    const perWriter = 5;
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let n = 0; n < perWriter;) {
          try {
            await database.db.transaction(async (tx) => {
              const version = await streamVersion(tx, streamId);
              await appendEvents(tx, { streamId, expectedVersion: version, events: [{ type: 'Step', data: { writer, n } }] });
            });
            n++;
          } catch (error) {
            if (!isConflict(error)) throw error;
            conflicts++;
          }
        }
      }),
    );
    const history = await readStream(database.db, streamId);
    expect(history.map((e) => e.streamVersion)).toEqual(Array.from({ length: WRITERS * perWriter }, (_, i) => i + 1));
    expect(conflicts).toBeGreaterThan(0);
    expect(await verifyAllStreams(database.db)).toMatchObject({ ok: true });
  });

  it('keeps a stream in version order for consumers when the later version comes from an older transaction', async () => {
    const streamId = `order-${randomUUID()}`;
    const consumer = `order-${randomUUID()}`;
    await pollConsumer(database.db, consumer, () => undefined, { batchSize: 10_000 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const hasXid = new Promise<void>((resolve) => (started = resolve));
    // B takes its transaction id first (a read-table write would do the same), then waits...
    const older = database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_current_xact_id()`);
      started();
      await gate;
      return appendEvents(tx, { streamId, expectedVersion: 1, events: [{ type: 'Second', data: {} }] });
    });
    await hasXid;
    // ...while A, a younger transaction, writes version 1 and commits.
    await append(database.db, { streamId, expectedVersion: 'no_stream', events: [{ type: 'First', data: {} }] });
    release();
    await older;
    const seen: StoredEvent[] = [];
    await pollUntil(
      database.db,
      consumer,
      (batch) => void seen.push(...batch),
      () => seen.some((e) => e.type === 'Second'),
    );
    expect(seen.filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual(['First', 'Second']);
  });
});

describe('consumer under 8 concurrent writers', () => {
  it('sees every event exactly once across two replicas, in (transaction, position) order, although positions commit out of order', async () => {
    const name = `projector-${randomUUID()}`;
    const run = randomUUID();
    const delivered: StoredEvent[] = [];
    const ours = () => delivered.filter((e) => e.streamId.startsWith(run));
    // Two replicas of the same consumer: the name's lock must keep them from delivering any batch twice.
    const replicas = [1, 2].map(() => runConsumer(database.db, name, (batch) => void delivered.push(...batch), { batchSize: 7, intervalMs: 5 }));
    const written: string[] = [];
    const commitOrder: number[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let n = 0; n < 15; n++) {
          const result = await database.db.transaction(async (tx) => {
            const appended = await appendEvents(tx, {
              streamId: `${run}-writer-${writer}-${n % 3}`,
              expectedVersion: 'any',
              events: [
                { type: 'Tick', data: { writer, n } },
                { type: 'Tock', data: { writer, n } },
              ],
            });
            // Stay open after taking positions: younger writers commit higher positions first.
            await tx.execute(sql`SELECT pg_sleep(${Math.random() * 0.02})`);
            return appended;
          });
          written.push(...result.eventIds);
          commitOrder.push(result.positions[0]!);
        }
      }),
    );
    const deadline = Date.now() + 20_000;
    while (ours().length < written.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all(replicas.map((replica) => replica.stop()));

    const ids = delivered.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ours().map((e) => e.eventId))).toEqual(new Set(written));
    const sorted = [...delivered].sort((a, b) => a.transactionId - b.transactionId || a.globalPosition - b.globalPosition);
    expect(ids).toEqual(sorted.map((e) => e.eventId));
    // The hazard was real in this run: some transaction committed after one holding higher positions.
    expect(commitOrder.some((position, index) => index > 0 && position < Math.max(...commitOrder.slice(0, index)))).toBe(true);
    expect((await readAll(database.db, { limit: 100_000 })).length).toBeGreaterThanOrEqual(written.length);
  });
});
