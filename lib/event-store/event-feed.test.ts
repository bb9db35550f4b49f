import { randomUUID } from 'node:crypto';
import type { DomainError } from '../domain/domain-error.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { EventFeed } from './event-feed.js';
import { readAll, type StoredEvent } from './read-stream.js';
import type { eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
});
afterAll(() => database?.close());

// 20 ms: these tests wait on the poller; production's 200 ms would only make them slower.
// 20 ms: many polls within a test's short waits.
const POLL_INTERVAL_MS = 20;
const newFeed = (options: ConstructorParameters<typeof EventFeed>[1] = {}) => new EventFeed(database.db, { intervalMs: POLL_INTERVAL_MS, ...options });

/** Takes `count` events from a subscription, failing after 10 s instead of hanging the test. */
async function take(iterator: AsyncIterator<StoredEvent>, count: number): Promise<StoredEvent[]> {
  const taken: StoredEvent[] = [];
  const deadline = Date.now() + 10_000;
  while (taken.length < count) {
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())).unref());
    const result = await Promise.race([iterator.next(), timeout]);
    if (result === 'timeout') throw new Error(`got ${taken.length} of ${count} events within 10 s`);
    if (result.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
    taken.push(result.value);
  }
  return taken;
}

/** Nothing more arrives within a few poll intervals. */
async function expectQuiet(iterator: AsyncIterator<StoredEvent>): Promise<void> {
  const next = iterator.next();
  const settled = await Promise.race([next.then(() => 'event'), new Promise((resolve) => setTimeout(() => resolve('quiet'), 150))]);
  expect(settled).toBe('quiet');
}

const appendTo = (streamId: string, type = 'Happened', data: unknown = {}) =>
  append(database.db, { streamId, expectedVersion: 'any', events: [{ type, data }], correlationId: 'test' });

const inCommitOrder = (events: StoredEvent[]) =>
  [...events].sort((a, b) => a.transactionId - b.transactionId || a.globalPosition - b.globalPosition).map((e) => e.eventId);

describe('EventFeed', () => {
  it('delivers only events committed after subscribing, narrowed by stream and by type', async () => {
    const feed = newFeed();
    const streamId = `feed-${randomUUID()}`;
    await appendTo(streamId, 'Before');
    const all = await feed.subscribe();
    const oneStream = await feed.subscribe({ filter: { streamId } });
    const oneType = await feed.subscribe({ filter: { type: 'Renamed' } });
    await appendTo(streamId, 'Renamed', { name: 'Vex' });
    await appendTo(`other-${randomUUID()}`, 'Renamed');
    await appendTo(streamId, 'Moved');

    const seen = await take(all, 3);
    expect(seen.map((e) => e.type)).toEqual(['Renamed', 'Renamed', 'Moved']);
    expect(seen[0]).toMatchObject({ streamId, streamVersion: 2, data: { name: 'Vex' }, metadata: { correlationId: 'test' } });
    expect((await take(oneStream, 2)).map((e) => e.type)).toEqual(['Renamed', 'Moved']);
    expect((await take(oneType, 2)).map((e) => e.streamId)).toEqual([streamId, expect.stringMatching(/^other-/)]);
    await expectQuiet(oneStream);
    await feed.close();
  });

  it('delivers what concurrent writers append exactly once, in commit order, to every subscriber', async () => {
    const feed = newFeed({ batchSize: 7 });
    const subscribers = await Promise.all([feed.subscribe(), feed.subscribe(), feed.subscribe()]);
    const streams = Array.from({ length: 4 }, () => `race-${randomUUID()}`);
    const results = await Promise.all(Array.from({ length: 40 }, (_, n) => appendTo(streams[n % streams.length]!, 'Step', { n })));
    const appended = new Set(results.flatMap((r) => r.eventIds));
    const stored = (await readAll(database.db, { limit: 10_000 })).filter((e) => appended.has(e.eventId));

    for (const subscriber of subscribers) {
      const seen = await take(subscriber, 40);
      expect(new Set(seen.map((e) => e.eventId)).size).toBe(40);
      expect(seen.map((e) => e.eventId)).toEqual(inCommitOrder(stored));
      for (const streamId of streams) {
        const versions = seen.filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
        expect(versions).toEqual([...versions].sort((a, b) => a - b));
      }
      await expectQuiet(subscriber);
    }
    await feed.close();
  });

  it('runs one poller for all subscribers, from the first until the last one leaves', async () => {
    const feed = newFeed();
    expect(feed.isPolling).toBe(false);
    const statementsWhile = async (ms: number) => {
      const before = database.stats.statements;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return database.stats.statements - before;
    };
    // Per poll, not per time window: a busy machine may run fewer polls in a window, never more statements per poll.
    const perPoll = async (ms: number) => {
      const polls = feed.pollCount;
      const statements = await statementsWhile(ms);
      return { polls: feed.pollCount - polls, statements };
    };
    const first = await feed.subscribe();
    expect(feed.isPolling).toBe(true);
    const withOne = await perPoll(400);
    const more = await Promise.all(Array.from({ length: 5 }, () => feed.subscribe()));
    const withSix = await perPoll(400);
    // One poller whatever the number of subscribers: six would make six times the polls and statements.
    expect(withSix.polls).toBeGreaterThan(0);
    expect(withSix.statements / withSix.polls).toBeLessThanOrEqual(withOne.statements / Math.max(1, withOne.polls) + 1);
    expect(withSix.polls).toBeLessThanOrEqual(Math.ceil(400 / POLL_INTERVAL_MS) + 1);
    expect(feed.subscriberCount).toBe(6);

    await first.return!();
    for (const subscriber of more) await subscriber.return!();
    expect(feed.subscriberCount).toBe(0);
    await expect.poll(() => feed.isPolling).toBe(false);
    expect(await statementsWhile(200)).toBe(0);
    await feed.close();
  });

  it('ends a waiting next() at once when the subscriber leaves, and starts from "now" when subscribed again', async () => {
    const feed = newFeed();
    const streamId = `leave-${randomUUID()}`;
    const subscriber = await feed.subscribe({ filter: { streamId } });
    const waiting = subscriber.next();
    await subscriber.return!();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await expect.poll(() => feed.isPolling).toBe(false);

    await appendTo(streamId, 'WhileNobodyListened');
    const again = await feed.subscribe({ filter: { streamId } });
    await appendTo(streamId, 'Later');
    expect((await take(again, 1)).map((e) => e.type)).toEqual(['Later']);
    await feed.close();
    expect(await again.next()).toEqual({ done: true, value: undefined });
  });

  it('resumes after a global position, then goes on live; an unknown position is BAD_USER_INPUT', async () => {
    const feed = newFeed({ catchUpPage: 2 });
    const streamId = `resume-${randomUUID()}`;
    const { positions } = await appendTo(streamId, 'One');
    for (const type of ['Two', 'Three', 'Four', 'Five']) await appendTo(streamId, type);
    const resumed = await feed.subscribe({ filter: { streamId }, afterPosition: positions[0] });
    await appendTo(streamId, 'Six');
    expect((await take(resumed, 5)).map((e) => e.type)).toEqual(['Two', 'Three', 'Four', 'Five', 'Six']);
    await expectQuiet(resumed);

    const error = await feed.subscribe({ afterPosition: 99_999_999 }).catch((e: DomainError) => e);
    expect(error).toMatchObject({ kind: 'INVALID_INPUT', details: { field: 'afterPosition' } });
    await feed.close();
  });

  it('gives a subscriber that falls behind its queue limit every event in order, read back from the database', async () => {
    const feed = newFeed({ maxQueue: 3, catchUpPage: 4 });
    const streamId = `slow-${randomUUID()}`;
    const slow = await feed.subscribe({ filter: { streamId } });
    const results = [];
    for (let n = 0; n < 12; n++) results.push(await appendTo(streamId, 'Tick', { n }));
    // Let the poller read everything while nobody consumes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seen = await take(slow, 12);
    expect(seen.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 12 }, (_, n) => n));
    await expectQuiet(slow);
    await feed.close();
  });

  it('applies a per-subscriber access check to each event', async () => {
    const feed = newFeed();
    const streamId = `secret-${randomUUID()}`;
    const subscriber = await feed.subscribe({ filter: { streamId }, accept: async (event) => (event.data as { public: boolean }).public });
    await appendTo(streamId, 'Note', { public: false, text: 'hidden' });
    await appendTo(streamId, 'Note', { public: true, text: 'shown' });
    expect((await take(subscriber, 1)).map((e) => e.data)).toEqual([{ public: true, text: 'shown' }]);
    await feed.close();
  });
});
