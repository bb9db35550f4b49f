import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { metricsText } from '../telemetry/metrics-registry.js';
import { runWithRequestId } from '../telemetry/request-context.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.js';
import { pollConsumer } from './consumer.js';
import { trackConsumerLag } from './event-store-metrics.js';
import { runConsumer } from './run-consumer.js';
import type { eventStoreTables } from './schema.js';
import { append } from './testing/append.js';
import { openEventStoreForTest } from './testing/open-event-store.js';

let database: Database<typeof eventStoreTables>;
beforeAll(async () => {
  database = await openEventStoreForTest();
});
afterAll(() => database?.close());

/** One series' value in the service's /metrics text; undefined when the series is absent. */
async function series(service: string, line: RegExp): Promise<number | undefined> {
  const match = line.exec(await metricsText(service));
  return match ? Number(match[1]) : undefined;
}

const appendsOf = (service: string) => series(service, new RegExp(`^event_store_appends_total\\{service="${service}"\\} (\\d+)$`, 'm'));
const lagOf = (service: string, consumer: string) =>
  series(service, new RegExp(`^event_consumer_lag\\{consumer="${consumer}",service="${service}"\\} (\\d+)$`, 'm'));

describe('event-store metrics', () => {
  it('counts appends that wrote under the service serving the request, not idempotent retries', async () => {
    const before = (await appendsOf('campaign')) ?? 0;
    const write = () =>
      append(database.db, {
        streamId: 'c-1',
        expectedVersion: 'any',
        events: [{ eventId: '0b9d6a51-8d63-4bd5-9f0e-6f5bd1f0c001', type: 'Created', data: {} }],
      });
    await runWithRequestId('req-1', write, 'campaign');
    await runWithRequestId('req-2', write, 'campaign');
    await runWithRequestId(
      'req-3',
      () => append(database.db, { streamId: 'c-2', expectedVersion: 'any', events: [{ type: 'Created', data: {} }] }),
      'campaign',
    );
    expect(await appendsOf('campaign')).toBe(before + 2);
  });

  it("reports a consumer's lag, the events after its checkpoint, while it runs", async () => {
    for (let n = 0; n < 3; n++) await append(database.db, { streamId: `lag-${n}`, expectedVersion: 'any', events: [{ type: 'N', data: { n } }] });
    const [row] = await queryRows<{ total: number }>(database.db, sql`SELECT count(*)::int AS total FROM events`);
    const total = Number(row?.total);
    // Tracked before its first poll: the whole store is ahead of it.
    const untrack = runWithRequestId('startup', () => trackConsumerLag(database.db, 'audit'), 'campaign');
    expect(await lagOf('campaign', 'audit')).toBe(total);
    await pollConsumer(database.db, 'audit', () => undefined, { batchSize: 2 });
    expect(await lagOf('campaign', 'audit')).toBe(total - 2);
    untrack();
    expect(await lagOf('campaign', 'audit')).toBeUndefined();

    // runConsumer tracks itself from start to stop.
    let handled = 0;
    const consumer = runWithRequestId(
      'startup',
      () => runConsumer(database.db, 'projector', (batch) => void (handled += batch.length), { intervalMs: 20 }),
      'campaign',
    );
    await expect.poll(() => handled, { timeout: 10_000 }).toBe(total);
    await expect.poll(() => lagOf('campaign', 'projector'), { timeout: 10_000 }).toBe(0);
    await consumer.stop();
    expect(await lagOf('campaign', 'projector')).toBeUndefined();
  });
});
