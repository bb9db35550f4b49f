import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DomainError } from '../domain/domain-error.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { appendEvents } from './append-events.js';
import { readAll, readStream, streamExists, streamVersion } from './read-stream.js';
import { eventStreams, type eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
});
afterAll(() => database?.close());

const stream = () => `character-${randomUUID()}`;

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!error) throw new Error('expected a rejection');
  return error as DomainError;
}

describe('appendEvents', () => {
  it('appends a new stream and reads it back in order with versions, positions and a chained hash', async () => {
    const streamId = stream();
    const result = await database.db.transaction((tx) =>
      appendEvents(tx, {
        streamId,
        expectedVersion: 'no_stream',
        events: [
          { type: 'CharacterCreated', data: { name: 'Lia', level: 1 } },
          { type: 'ExperienceAwarded', data: { amount: 300 } },
        ],
      }),
    );
    expect(result).toMatchObject({ fromVersion: 1, toVersion: 2, alreadyAppended: false });
    expect(result.positions[1]).toBeGreaterThan(result.positions[0]!);
    const history = await readStream(database.db, streamId);
    expect(history.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
      [1, 'CharacterCreated', { name: 'Lia', level: 1 }],
      [2, 'ExperienceAwarded', { amount: 300 }],
    ]);
    expect(history.map((e) => e.globalPosition)).toEqual(result.positions);
    expect(history.map((e) => e.eventId)).toEqual(result.eventIds);
    expect(history[0]!.previousHash).toBeNull();
    expect(history[1]!.previousHash).toBe(history[0]!.hash);
    expect(history[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(history[0]!.transactionId).toBe(history[1]!.transactionId);
    expect(await streamVersion(database.db, streamId)).toBe(2);
    expect(await readStream(database.db, streamId, { fromVersion: 2 })).toHaveLength(1);
  });

  it('accepts the exact current version and any, and numbers on from there', async () => {
    const streamId = stream();
    await append(database.db, { streamId, expectedVersion: 'no_stream', events: [{ type: 'A', data: {} }] });
    const exact = await append(database.db, { streamId, expectedVersion: 1, events: [{ type: 'B', data: {} }] });
    const any = await append(database.db, { streamId, expectedVersion: 'any', events: [{ type: 'C', data: {} }] });
    expect([exact.toVersion, any.toVersion]).toEqual([2, 3]);
    expect((await readStream(database.db, streamId)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
  });

  it('answers CONFLICT with expected and actual versions, and the whole transaction writes nothing', async () => {
    const streamId = stream();
    await append(database.db, { streamId, expectedVersion: 'no_stream', events: [{ type: 'A', data: {} }] });
    const probe = `probe-${randomUUID()}`;
    const error = await rejection(
      database.db.transaction(async (tx) => {
        // A state change in the same transaction: it must roll back with the failed append.
        await appendEvents(tx, { streamId: probe, expectedVersion: 'no_stream', events: [{ type: 'Probe', data: {} }] });
        await appendEvents(tx, { streamId, expectedVersion: 0, events: [{ type: 'Stale', data: {} }] });
      }),
    );
    expect(error).toMatchObject({ kind: 'CONFLICT', details: { streamId, expectedVersion: 0, actualVersion: 1 } });
    expect(error.message).toMatch(/version 1/);
    const again = await rejection(append(database.db, { streamId, expectedVersion: 'no_stream', events: [{ type: 'X', data: {} }] }));
    expect(again).toMatchObject({ kind: 'CONFLICT', details: { expectedVersion: 'no_stream', actualVersion: 1 } });
    expect((await readStream(database.db, streamId)).map((e) => e.type)).toEqual(['A']);
    expect(await streamExists(database.db, probe)).toBe(false);
    expect(await database.db.select().from(eventStreams).where(eq(eventStreams.streamId, probe))).toEqual([]);
  });

  it('answers CONFLICT for an exact version on a stream that does not exist yet', async () => {
    const streamId = stream();
    const error = await rejection(append(database.db, { streamId, expectedVersion: 3, events: [{ type: 'A', data: {} }] }));
    expect(error).toMatchObject({ kind: 'CONFLICT', details: { expectedVersion: 3, actualVersion: 0 } });
  });

  it('treats re-appending the same event ids as a no-op that returns the stored positions', async () => {
    const streamId = stream();
    const batch = [
      { eventId: randomUUID(), type: 'CharacterCreated', data: { name: 'Bo' } },
      { eventId: randomUUID(), type: 'PortraitSet', data: { imageId: randomUUID() } },
    ];
    const first = await append(database.db, { streamId, expectedVersion: 'no_stream', events: batch });
    // The retry still says 'no_stream' (it does not know its first attempt succeeded): it must not fail.
    const retry = await append(database.db, { streamId, expectedVersion: 'no_stream', events: batch });
    expect(retry).toEqual({ ...first, alreadyAppended: true });
    expect(await readStream(database.db, streamId)).toHaveLength(2);
  });

  it('refuses a batch that mixes stored and new ids, or reuses an id of another stream, writing nothing', async () => {
    const streamId = stream();
    const known = randomUUID();
    await append(database.db, { streamId, expectedVersion: 'no_stream', events: [{ eventId: known, type: 'A', data: {} }] });
    const mixed = await rejection(
      append(database.db, {
        streamId,
        expectedVersion: 'any',
        events: [
          { eventId: known, type: 'A', data: {} },
          { type: 'B', data: {} },
        ],
      }),
    );
    expect(mixed).toMatchObject({ kind: 'CONFLICT', details: { eventIds: [known] } });
    const elsewhere = await rejection(append(database.db, { streamId: stream(), expectedVersion: 'any', events: [{ eventId: known, type: 'A', data: {} }] }));
    expect(elsewhere).toMatchObject({ kind: 'CONFLICT' });
    expect(await readStream(database.db, streamId)).toHaveLength(1);
  });

  it('carries correlation, causation and user ids into every event, keeping event-level metadata', async () => {
    const streamId = stream();
    const correlationId = randomUUID();
    const causationId = randomUUID();
    await append(database.db, {
      streamId,
      expectedVersion: 'any',
      correlationId,
      causationId,
      userId: 'user-1',
      events: [
        { type: 'A', data: {}, metadata: { source: 'endSession' } },
        { type: 'B', data: {} },
      ],
    });
    const history = await readStream(database.db, streamId);
    expect(history[0]!.metadata).toEqual({ correlationId, causationId, userId: 'user-1', source: 'endSession' });
    expect(history[1]!.metadata).toEqual({ correlationId, causationId, userId: 'user-1' });
  });

  it('rejects bad input with BAD_USER_INPUT before touching the database', async () => {
    const bad = [
      { streamId: '', expectedVersion: 'any' as const, events: [{ type: 'A', data: {} }] },
      { streamId: stream(), expectedVersion: -1, events: [{ type: 'A', data: {} }] },
      { streamId: stream(), expectedVersion: 1.5, events: [{ type: 'A', data: {} }] },
      { streamId: stream(), expectedVersion: 'any' as const, events: [] },
      { streamId: stream(), expectedVersion: 'any' as const, events: [{ eventId: 'nope', type: 'A', data: {} }] },
      { streamId: stream(), expectedVersion: 'any' as const, events: [{ type: ' ', data: {} }] },
    ];
    for (const options of bad) {
      const error = await rejection(append(database.db, options));
      expect(error.kind).toBe('INVALID_INPUT');
      expect(await streamExists(database.db, options.streamId)).toBe(false);
    }
    const id = randomUUID();
    const twice = await rejection(
      append(database.db, {
        streamId: stream(),
        expectedVersion: 'any',
        events: [
          { eventId: id, type: 'A', data: {} },
          { eventId: id, type: 'B', data: {} },
        ],
      }),
    );
    expect(twice.message).toMatch(/twice/);
  });

  it('refuses data JSON cannot carry (NaN) rather than storing something else', async () => {
    const streamId = stream();
    await expect(append(database.db, { streamId, expectedVersion: 'any', events: [{ type: 'A', data: { hp: Number.NaN } }] })).rejects.toThrow(/NaN/);
    expect(await streamExists(database.db, streamId)).toBe(false);
  });

  it('reads all events after a global position, in position order, with a limit', async () => {
    const streamId = stream();
    const { positions } = await append(database.db, {
      streamId,
      expectedVersion: 'no_stream',
      events: [1, 2, 3].map((n) => ({ type: 'N', data: { n } })),
    });
    const page = await readAll(database.db, { afterPosition: positions[0]!, limit: 2 });
    expect(page.map((e) => e.globalPosition)).toEqual(positions.slice(1));
  });

  it('reads an unknown stream as empty and says it does not exist', async () => {
    expect(await readStream(database.db, 'nobody')).toEqual([]);
    expect(await streamExists(database.db, 'nobody')).toBe(false);
    expect(await streamVersion(database.db, 'nobody')).toBe(0);
  });
});
