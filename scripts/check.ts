/**
 * `npm run check [-- <service>]`: the consistency check of each event-sourced service's own database:
 * every stream's hash chain and version (verifyAllStreams), and the read tables against a replay of the events
 * (checkReadTables, inside a transaction that is rolled back). Prints what it found; exits 1 on any violation.
 * Embedded (PGlite) databases are one process's files: stop the platform first.
 * The cross-service invariants (portraits exist, party membership agrees, session XP reached every character)
 * come with the transaction coordinator (issue 3, part 6).
 */
import { openDatabase } from '../lib/db/open-database.js';
import { checkReadTables } from '../lib/event-store/check-read-tables.js';
import { verifyAllStreams } from '../lib/event-store/verify-stream.js';
import { REPLAY_TARGETS, servicesFromArgs } from './replay-targets.js';

let violations = 0;
for (const service of servicesFromArgs(process.argv.slice(2), 'check')) {
  const { replayTarget } = await REPLAY_TARGETS[service]!();
  const database = await openDatabase({ service, schema: replayTarget.schema, migrationsFolder: replayTarget.migrationsFolder });
  try {
    const chains = await verifyAllStreams(database.db);
    if (chains.ok) {
      console.log(`${service}: ${chains.streamsChecked} streams, ${chains.eventsChecked} events: hash chains and versions intact`);
    } else {
      violations++;
      const at = chains.firstBreak;
      console.log(`${service}: BROKEN stream ${at?.streamId} at version ${at?.version} (${at?.reason}: expected ${at?.expected}, stored ${at?.stored})`);
    }
    const differences = await checkReadTables(database.db, replayTarget.projection);
    if (differences.length === 0) console.log(`${service}: read tables equal a replay of the events`);
    for (const difference of differences) {
      violations++;
      console.log(`${service}: table ${difference.table} differs from a replay`);
      for (const row of difference.onlyLive) console.log(`  only in the table:  ${JSON.stringify(row)}`);
      for (const row of difference.onlyReplayed) console.log(`  only in the replay: ${JSON.stringify(row)}`);
    }
  } finally {
    await database.close();
  }
}
console.log(violations === 0 ? 'check passed' : `check FAILED: ${violations} violation(s)`);
process.exitCode = violations === 0 ? 0 : 1;
