import { count, sql } from 'drizzle-orm';
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../telemetry/metrics-registry.js';
import { currentService } from '../telemetry/request-context.js';
import { readCheckpoint } from './consumer.js';
import type { Executor } from './executor.js';
import { events } from './schema.js';

const appends = new Map<string, Counter>();

/**
 * One append that wrote events, under the service doing it. Counted when written, inside the writer's transaction:
 * a transaction that then rolls back (rare: its own later statement failed) is counted all the same.
 */
export function countAppend(): void {
  const service = currentService();
  let counter = appends.get(service);
  if (!counter) {
    counter = new Counter({
      name: 'event_store_appends_total',
      help: 'Event batches appended to a stream (one per domain write)',
      registers: [metricsRegistry(service)],
    });
    appends.set(service, counter);
  }
  counter.inc();
}

/** Running consumers per service, each with how to read its lag. */
const consumers = new Map<string, Map<string, () => Promise<number>>>();

/** Events committed after the consumer's checkpoint: what it has yet to process. */
async function consumerLag<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, name: string): Promise<number> {
  const checkpoint = await readCheckpoint(db, name);
  const [row] = await db
    .select({ behind: count() })
    .from(events)
    .where(sql`(${events.transactionId}, ${events.globalPosition}) > (${checkpoint.transactionId}::bigint, ${checkpoint.position}::bigint)`);
  return Number(row?.behind ?? 0);
}

/**
 * Reports a running consumer's lag as event_consumer_lag{consumer} of the current service, read from the database
 * at scrape time (two indexed queries per consumer per scrape, none while nobody looks). Returns the untrack call.
 */
export function trackConsumerLag<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, name: string): () => void {
  const service = currentService();
  let tracked = consumers.get(service);
  if (!tracked) {
    const readers = new Map<string, () => Promise<number>>();
    tracked = readers;
    consumers.set(service, readers);
    new Gauge({
      name: 'event_consumer_lag',
      help: "Events committed after a consumer's checkpoint, not yet processed",
      labelNames: ['consumer'],
      registers: [metricsRegistry(service)],
      async collect() {
        // A consumer stopped since the last scrape leaves no stale series behind.
        this.reset();
        for (const [consumer, read] of readers) this.set({ consumer }, await read());
      },
    });
  }
  const readers = tracked;
  const read = () => consumerLag(db, name);
  readers.set(name, read);
  // Two instances of one consumer in a process (a test's replicas): the one stopping untracks only itself.
  return () => {
    if (readers.get(name) === read) readers.delete(name);
  };
}
