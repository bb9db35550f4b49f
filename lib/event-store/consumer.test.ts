import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { queryRows } from '../db/query-rows.js';
import { pollConsumer, readCheckpoint } from './consumer.js';
import type { StoredEvent } from './read-stream.js';
import { runConsumer } from './run-consumer.js';
import type { eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';
import { pollUntil } from './testing/poll-until.js';
import type { Transaction } from './executor.js';
import { readStream } from './read-stream.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
  await database.db.execute(sql`CREATE TABLE projection (event_id uuid PRIMARY KEY)`);
});
afterAll(() => database?.close());

async function appendMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const { eventIds } = await append(database.db, { streamId: `s-${n % 3}`, expectedVersion: 'any', events: [{ type: 'N', data: { n } }] });
    ids.push(...eventIds);
  }
  return ids;
}

describe('pollConsumer', () => {
  it('delivers in batches and resumes from its durable checkpoint after a restart, without redelivery', async () => {
    const appended = await appendMany(7);
    const seen: string[] = [];
    const batchSizes: number[] = [];
    const collect = (batch: StoredEvent[]) => {
      batchSizes.push(batch.length);
      seen.push(...batch.map((e) => e.eventId));
    };
    // Until the first batch: on PostgreSQL a transaction of another test in the same cluster can hold the safe
    // point back, so a first batch may be shorter than 5, and waiting for 5 could take the next batch too.
    await pollUntil(database.db, 'audit', collect, () => seen.length > 0, 5);
    const beforeRestart = seen.length;
    // "Restart": nothing kept in memory, only the name.
    await pollUntil(database.db, 'audit', collect, () => seen.length >= 7, 5);
    expect(beforeRestart).toBeLessThan(7);
    expect(seen).toEqual(appended);
    // Never more than the batch size, so 7 events took at least two batches. Not "exactly 5": on PostgreSQL another
    // test's open transaction can hold the safe point back and cut any batch short.
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(5);
    expect(batchSizes.length).toBeGreaterThanOrEqual(2);
    expect(await pollConsumer(database.db, 'audit', collect, { batchSize: 5 })).toMatchObject({ delivered: 0 });
    const last = (await readStream(database.db, 's-0')).at(-1)!;
    expect(last.eventId).toBe(appended[6]);
    expect(await readCheckpoint(database.db, 'audit')).toEqual({ transactionId: last.transactionId, position: last.globalPosition });
    // Another consumer name starts from the beginning.
    const other: string[] = [];
    await pollUntil(
      database.db,
      'search',
      (batch) => void other.push(...batch.map((e) => e.eventId)),
      () => other.length >= 7,
    );
    expect(other).toEqual(appended);
  });

  it('redelivers a batch whose handler failed, and rolls back what the handler wrote', async () => {
    const name = `flaky-${randomUUID()}`;
    const [id] = await appendMany(1);
    const project = async (batch: StoredEvent[], tx: Transaction<typeof eventStoreTables>) => {
      for (const event of batch) await tx.execute(sql`INSERT INTO projection (event_id) VALUES (${event.eventId})`);
    };
    const crashing = pollUntil(
      database.db,
      name,
      async (batch, tx) => {
        await project(batch, tx);
        throw new Error('projection crashed');
      },
      () => false,
    );
    await expect(crashing).rejects.toThrow('projection crashed');
    expect(await queryRows(database.db, sql`SELECT 1 FROM projection WHERE event_id = ${id}`)).toHaveLength(0);
    const retried: string[] = [];
    await pollUntil(
      database.db,
      name,
      async (batch, tx) => {
        await project(batch, tx);
        retried.push(...batch.map((e) => e.eventId));
      },
      () => retried.includes(id!),
    );
    // Everything since the start again, the failed batch included, and the projection row written once.
    expect(retried.filter((e) => e === id)).toHaveLength(1);
    expect(await queryRows(database.db, sql`SELECT 1 FROM projection WHERE event_id = ${id}`)).toHaveLength(1);
  });
});

describe('runConsumer', () => {
  it('follows new events until stopped, catching up in full batches first', async () => {
    const name = `live-${randomUUID()}`;
    const backlog = await appendMany(5);
    const seen: string[] = [];
    const consumer = runConsumer(database.db, name, (batch) => void seen.push(...batch.map((e) => e.eventId)), { batchSize: 2, intervalMs: 20 });
    const live = await appendMany(2);
    const deadline = Date.now() + 10_000;
    // A new consumer starts at the beginning: it sees this file's earlier events too, then the backlog, then the live ones.
    while (!live.every((id) => seen.includes(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await consumer.stop();
    expect(seen.slice(-7)).toEqual([...backlog, ...live]);
    expect(new Set(seen).size).toBe(seen.length);
    const countAfterStop = seen.length;
    await appendMany(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.length).toBe(countAfterStop);
  });
});
