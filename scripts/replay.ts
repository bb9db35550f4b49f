/**
 * `npm run replay -- <service>`: rebuilds a service's read tables from its event store (lib/event-store/replay.ts),
 * in one transaction, and prints how many events it applied and how fast.
 * Embedded (PGlite) databases are one process's files: stop the platform first. On PostgreSQL it runs live;
 * readers see the old tables until the rebuild commits.
 */
import { openDatabase } from '#lib/db/open-database.js';
import { replayProjection } from '#lib/event-store/replay.js';
import { REPLAY_TARGETS, servicesFromArgs } from './replay-targets.js';

if (process.argv.length < 3) {
  console.error(`usage: npm run replay -- <service>   (one of: ${Object.keys(REPLAY_TARGETS).join(', ')})`);
  process.exit(2);
}
const [service] = servicesFromArgs(process.argv.slice(2), 'replay') as [string];
const { replayTarget } = await REPLAY_TARGETS[service]!();
const database = await openDatabase({ service, schema: replayTarget.schema, migrationsFolder: replayTarget.migrationsFolder });
try {
  const result = await replayProjection(database.db, replayTarget.projection);
  const rate = result.seconds > 0 ? Math.round(result.events / result.seconds) : result.events;
  console.log(`${service}: replayed ${result.events} events in ${result.seconds.toFixed(2)} s (${rate} events/s)`);
} catch (err) {
  console.error(`${service}: replay failed, read tables unchanged: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
