import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { eventHash } from './event-hash.js';
import { events, type eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';
import { verifyAllStreams, verifyStream } from './verify-stream.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
});
afterAll(() => database?.close());

async function threeEventStream(): Promise<string> {
  const streamId = `campaign-${randomUUID()}`;
  for (const n of [1, 2, 3]) {
    await append(database.db, {
      streamId,
      expectedVersion: 'any',
      correlationId: randomUUID(),
      events: [{ type: 'SessionRecorded', data: { n, notes: { z: 1, a: [n] } } }],
    });
  }
  return streamId;
}

const whereVersion = (streamId: string, version: number) => and(eq(events.streamId, streamId), eq(events.streamVersion, version));

describe('verifyStream', () => {
  it('accepts an untouched chain (jsonb reorders keys; the canonical hash does not care)', async () => {
    const streamId = await threeEventStream();
    expect(await verifyStream(database.db, streamId)).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 3 });
  });

  it('names the stream and version of a row whose data was edited in place, with expected and stored hashes', async () => {
    const streamId = await threeEventStream();
    const [before] = await database.db.select().from(events).where(whereVersion(streamId, 2));
    await database.db.execute(sql`UPDATE events SET data = '{"n": 200}'::jsonb WHERE stream_id = ${streamId} AND stream_version = 2`);
    const result = await verifyStream(database.db, streamId);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ streamId, version: 2, reason: 'hash', stored: before!.hash });
    expect(result.firstBreak!.expected).not.toBe(before!.hash);
  });

  it('catches a forger who also recomputed the edited row hash: the next link no longer matches', async () => {
    const streamId = await threeEventStream();
    const [row] = await database.db.select().from(events).where(whereVersion(streamId, 2));
    const forged = eventHash({ ...row!, data: { n: 200 } });
    await database.db
      .update(events)
      .set({ data: { n: 200 }, hash: forged })
      .where(whereVersion(streamId, 2));
    expect((await verifyStream(database.db, streamId)).firstBreak).toMatchObject({
      streamId,
      version: 3,
      reason: 'previous_hash',
      stored: row!.hash,
      expected: forged,
    });
  });

  it('catches a deleted last event through the stream row', async () => {
    const streamId = await threeEventStream();
    await database.db.delete(events).where(whereVersion(streamId, 3));
    expect((await verifyStream(database.db, streamId)).firstBreak).toMatchObject({ streamId, version: 3, reason: 'stream_row' });
  });

  it('catches a deleted middle event as a version gap', async () => {
    const streamId = await threeEventStream();
    await database.db.delete(events).where(whereVersion(streamId, 2));
    expect((await verifyStream(database.db, streamId)).firstBreak).toMatchObject({ streamId, version: 2, reason: 'version_gap' });
  });
});

describe('verifyAllStreams', () => {
  it('reports the first broken stream among all of them', async () => {
    // Runs after the tampering above in this file's database: fresh database state is not needed, a broken one is.
    const result = await verifyAllStreams(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.streamId).toMatch(/^campaign-/);
    expect(result.streamsChecked).toBeGreaterThan(0);
  });

  it('is ok on a store of sound streams', async () => {
    await database.db.delete(events);
    await database.db.execute(sql`DELETE FROM event_streams`);
    await threeEventStream();
    await threeEventStream();
    expect(await verifyAllStreams(database.db)).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 6 });
  });
});
