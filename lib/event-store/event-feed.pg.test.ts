/**
 * Runs only against a PostgreSQL server (DATABASE_URL): transactions on separate connections that commit
 * positions out of order, which PGlite (one connection) cannot show.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { appendEvents } from './append-events.js';
import { EventFeed } from './event-feed.js';
import type { StoredEvent } from './read-stream.js';
import type { eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
});
afterAll(() => database?.close());

const WRITERS = 8;

/** Collects what a subscription delivers until `done()` (20 s at most: other test files' transactions hold the horizon back). */
async function collectUntil(iterator: AsyncIterator<StoredEvent>, into: StoredEvent[], done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())).unref());
    const result = await Promise.race([iterator.next(), timeout]);
    if (result === 'timeout') throw new Error(`only ${into.length} events within 20 s`);
    if (result.done) throw new Error('subscription ended');
    into.push(result.value);
  }
}

/**
 * A transaction that has appended an "Older" event to `<run>-a` and stays open until released: it holds the
 * feed's final point behind it, as a slow writer on a busy server does.
 */
async function openOlderTransaction(run: string): Promise<{ release: () => void; older: Promise<void> }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let appended!: () => void;
  const olderAppended = new Promise<void>((resolve) => (appended = resolve));
  const older = database.db.transaction(async (tx) => {
    await appendEvents(tx, { streamId: `${run}-a`, expectedVersion: 'any', events: [{ type: 'Older', data: {} }] });
    appended();
    await gate;
  });
  await olderAppended;
  return { release, older };
}

describe('EventFeed on PostgreSQL', () => {
  it('holds back an event committed while an older transaction is open, then delivers both in order', async () => {
    const feed = new EventFeed(database.db, { intervalMs: 10 });
    const run = randomUUID();
    const subscriber = await feed.subscribe();
    const { release, older } = await openOlderTransaction(run);
    await append(database.db, { streamId: `${run}-b`, expectedVersion: 'any', events: [{ type: 'Younger', data: {} }] });

    const pending = subscriber.next();
    const early = await Promise.race([pending.then(() => 'delivered'), new Promise((resolve) => setTimeout(() => resolve('held back'), 300))]);
    expect(early).toBe('held back');
    release();
    await older;
    const first = await pending;
    const seen: StoredEvent[] = first.done ? [] : [first.value];
    const ours = () => seen.filter((e) => e.streamId.startsWith(run));
    await collectUntil(subscriber, seen, () => ours().length >= 2);
    expect(ours().map((e) => e.type)).toEqual(['Older', 'Younger']);
    await feed.close();
  });

  it('leaves out an event committed before subscribing while an older transaction was still open', async () => {
    const feed = new EventFeed(database.db, { intervalMs: 10 });
    const run = randomUUID();
    const { release, older } = await openOlderTransaction(run);
    // Committed, but not final: the older transaction holds the feed's starting point behind it.
    await append(database.db, { streamId: `${run}-b`, expectedVersion: 'any', events: [{ type: 'BeforeSubscribing', data: {} }] });
    const subscriber = await feed.subscribe();
    await append(database.db, { streamId: `${run}-b`, expectedVersion: 'any', events: [{ type: 'AfterSubscribing', data: {} }] });
    release();
    await older;
    const seen: StoredEvent[] = [];
    const ours = () => seen.filter((e) => e.streamId.startsWith(run));
    await collectUntil(subscriber, seen, () => ours().length >= 2);
    // The older transaction committed after the subscription began: its event is the subscriber's.
    expect(ours().map((e) => e.type)).toEqual(['Older', 'AfterSubscribing']);
    await feed.close();
  });

  it('delivers 8 concurrent writers exactly once, in (transaction, position) order, to two subscribers', async () => {
    const feed = new EventFeed(database.db, { intervalMs: 5, batchSize: 7 });
    const run = randomUUID();
    const subscribers = [await feed.subscribe(), await feed.subscribe()];
    const written = new Set<string>();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let n = 0; n < 10; n++) {
          const result = await database.db.transaction(async (tx) => {
            const appendedNow = await appendEvents(tx, {
              streamId: `${run}-writer-${writer}-${n % 3}`,
              expectedVersion: 'any',
              events: [
                { type: 'Tick', data: { writer, n } },
                { type: 'Tock', data: { writer, n } },
              ],
            });
            // Stay open after taking positions: younger writers commit higher positions first.
            await tx.execute(sql`SELECT pg_sleep(${Math.random() * 0.02})`);
            return appendedNow;
          });
          for (const id of result.eventIds) written.add(id);
        }
      }),
    );
    for (const subscriber of subscribers) {
      const seen: StoredEvent[] = [];
      await collectUntil(subscriber, seen, () => seen.filter((e) => written.has(e.eventId)).length >= written.size);
      const ids = seen.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
      const sorted = [...seen].sort((a, b) => a.transactionId - b.transactionId || a.globalPosition - b.globalPosition);
      expect(ids).toEqual(sorted.map((e) => e.eventId));
    }
    await feed.close();
  });
});
