/**
 * bench/event-store: append throughput of the event store (lib/event-store) in events/s, one event per
 * transaction as domain writes append them: into one stream, into 100 streams by 100 concurrent writers, and
 * by 8 writers into a stream each (the target load); then the replay rate of a projection over what was written.
 * Runs on embedded PGlite and, when DATABASE_URL is set, on that PostgreSQL server too (a fresh schema, dropped
 * afterwards). Ends with one line per database comparing the 8-writer rate with its target.
 * Run: npm run bench:event-store [-- <events>]   (default 2000 per scenario)
 *
 * What one-statement appends bought (append-statement.ts: 5 statements per append -> 1, i.e. 7 -> 3 round trips
 * with BEGIN/COMMIT), 8 writers, old and new code run alternately on a 2-core machine shared with other benches:
 *   PGlite      721-1078 -> 1423-1988 events/s
 *   PostgreSQL  524-1337 -> 976-2300 events/s
 * What is left on PostgreSQL is mostly the transaction around the append: 8 writers of bare one-INSERT transactions
 * (printed in the same run, as the machine's ceiling) reach 2,474/s where appends reach 1,407/s (57%); one writer's
 * transaction takes 3.9 ms bare and 5.2 ms with an append (BEGIN, COMMIT and its WAL flush are the rest). The
 * statement itself runs on a generic plan (prepared), so what it costs is its row and four index entries.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openDatabase, type Database } from '#lib/db/open-database.js';
import { appendEvents } from '#lib/event-store/append-events.js';
import type { Projection } from '#lib/event-store/projection.js';
import { replayProjection } from '#lib/event-store/replay.js';
import { eventStoreTables } from '#lib/event-store/schema.js';
import { eventStoreMigrations } from '#lib/event-store/testing/open-event-store.js';

type Schema = typeof eventStoreTables;
const total = Number(process.argv[2] ?? 2000);
// 100 writers: about the concurrency of a busy service's connection pool and request handlers together.
const STREAMS = 100;
// 8 writers: the target load (a service's request handlers appending at once), within the pool of 10.
const WRITERS = 8;
const TARGETS = { pglite: 500, postgres: 2000 } as const;

const counters = pgTable('bench_counters', { id: text('id').primaryKey(), n: integer('n').notNull() });
const projection: Projection<Schema> = {
  readTables: [counters],
  async apply(tx, event) {
    await tx
      .insert(counters)
      .values({ id: event.streamId, n: 1 })
      .onConflictDoUpdate({ target: counters.id, set: { n: sql`${counters.n} + 1` } });
  },
};

async function appendOne(database: Database<Schema>, streamId: string, n: number): Promise<void> {
  await database.db.transaction((tx) =>
    appendEvents(tx, { streamId, expectedVersion: 'any', events: [{ type: 'CounterIncremented', data: { n, note: 'a typical small domain event' } }] }),
  );
}

async function rate(label: string, count: number, run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(count / seconds);
  console.log(`  ${label.padEnd(34)} ${String(perSecond).padStart(7)} events/s  (${count} in ${seconds.toFixed(2)} s)`);
  return perSecond;
}

/** Runs the scenarios; returns the 8-writer rate, the figure the targets are about. */
async function scenario(name: string, database: Database<Schema>): Promise<number> {
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_counters (id text PRIMARY KEY, n integer NOT NULL)`);
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_bare (id serial PRIMARY KEY, n integer NOT NULL)`);
  console.log(`${name}:`);
  await rate('append, one stream', total, async () => {
    for (let n = 0; n < total; n++) await appendOne(database, 'one-stream', n);
  });
  await rate(`append, ${STREAMS} streams in parallel`, total, async () => {
    const perStream = Math.ceil(total / STREAMS);
    await Promise.all(
      Array.from({ length: STREAMS }, async (_, s) => {
        for (let n = 0; n < perStream; n++) await appendOne(database, `stream-${s}`, n);
      }),
    );
  });
  const perWriter = Math.ceil(total / WRITERS);
  // The same 8 writers with a transaction that holds one trivial INSERT: what this machine allows right now, so that
  // the append's rate can be read against it when other processes share the cores.
  const bare = await rate(`bare transactions, ${WRITERS} writers`, perWriter * WRITERS, async () => {
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let n = 0; n < perWriter; n++) await database.db.transaction((tx) => tx.execute(sql`INSERT INTO bench_bare (n) VALUES (${n})`));
      }),
    );
  });
  const eightWriters = await rate(`append, ${WRITERS} writers, own streams`, perWriter * WRITERS, async () => {
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let n = 0; n < perWriter; n++) await appendOne(database, `writer-${w}`, n);
      }),
    );
  });
  console.log(`  ${WRITERS}-writer appends run at ${Math.round((100 * eightWriters) / bare)}% of bare one-INSERT transactions`);
  const stored = 2 * total + perWriter * WRITERS;
  await rate('replay into a projection', stored, async () => {
    await replayProjection(database.db, projection);
  });
  return eightWriters;
}

const results: string[] = [];
const summarize = (dialect: keyof typeof TARGETS, perSecond: number) =>
  results.push(`event store ${dialect}: ${perSecond} events/s with ${WRITERS} writers (target ≥ ${TARGETS[dialect]}/s)`);

const embedded = await openDatabase({
  service: 'bench',
  schema: eventStoreTables,
  migrationsFolder: eventStoreMigrations,
  databaseUrl: '',
  directory: 'memory://',
});
try {
  summarize('pglite', await scenario('PGlite (embedded, in memory)', embedded));
} finally {
  await embedded.close();
}

const url = process.env.DATABASE_URL;
if (url) {
  const schemaName = `bench_${randomBytes(4).toString('hex')}_events`;
  const server = await openDatabase({ service: 'bench', schema: eventStoreTables, migrationsFolder: eventStoreMigrations, databaseUrl: url, schemaName });
  try {
    summarize('postgres', await scenario('PostgreSQL (server, pool of 10)', server));
  } finally {
    await server.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
    await client.end();
  }
} else {
  console.log('PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to measure it too');
}
for (const line of results) console.log(line);
