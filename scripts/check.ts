/**
 * `npm run check [-- <service>]`: the consistency check of each event-sourced service's own database:
 * every stream's hash chain and version (verifyAllStreams), and the read tables against a replay of the events
 * (checkReadTables, inside a transaction that is rolled back).
 * Without a service named, it then checks what spans services (check-cross-service.ts, check-transactions.ts):
 * portraits exist, party membership agrees on both sides, session XP reached every character, and no hub
 * transaction or participant branch is left unfinished past its deadline; and authority (check-authority.ts):
 * every event was produced by an actor its rule allows.
 * Prints what it found; exits 1 on any violation.
 * Embedded (PGlite) databases are one process's files: stop the platform first.
 */
import { checkReadTables } from '#lib/event-store/check-read-tables.js';
import { verifyAllStreams } from '#lib/event-store/verify-stream.js';
import { checkAuthority } from './check-authority.js';
import { checkParty, checkPortraits, checkSessionExperience } from './check-cross-service.js';
import { DatabaseSet } from './check-databases.js';
import { checkStaleBranches, checkUnfinishedTransactions } from './check-transactions.js';
import { servicesFromArgs } from './replay-targets.js';

/** One service's own database: hash chains, stream versions, read tables against a replay. */
async function checkService(databases: DatabaseSet, service: string): Promise<number> {
  const { database, replayTarget } = await databases.service(service);
  let found = 0;
  const chains = await verifyAllStreams(database.db);
  if (chains.ok) {
    console.log(`${service}: ${chains.streamsChecked} streams, ${chains.eventsChecked} events: hash chains and versions intact`);
  } else {
    found++;
    const at = chains.firstBreak;
    console.log(`${service}: BROKEN stream ${at?.streamId} at version ${at?.version} (${at?.reason}: expected ${at?.expected}, stored ${at?.stored})`);
  }
  const differences = await checkReadTables(database.db, replayTarget.projection);
  if (differences.length === 0) console.log(`${service}: read tables equal a replay of the events`);
  for (const difference of differences) {
    found++;
    console.log(`${service}: table ${difference.table} differs from a replay`);
    for (const row of difference.onlyLive) console.log(`  only in the table:  ${JSON.stringify(row)}`);
    for (const row of difference.onlyReplayed) console.log(`  only in the replay: ${JSON.stringify(row)}`);
  }
  return found;
}

/** The facts spanning services, over the participants' databases and the hub's read side by side. */
async function checkAcrossServices(databases: DatabaseSet): Promise<number> {
  const platform = await databases.platform();
  const now = new Date();
  let found = 0;
  for (const check of [checkPortraits, checkParty, checkSessionExperience, checkStaleBranches, checkUnfinishedTransactions]) {
    const result = await check(platform, now);
    if (result.violations.length === 0) console.log(`cross-service: ${result.summary}`);
    for (const violation of result.violations) console.log(`cross-service: ${result.name}: ${violation}`);
    if (result.note) console.log(`cross-service: ${result.name}: note: ${result.note}`);
    found += result.violations.length;
  }
  return found;
}

/** Every event's actor against its rule: reads all three services' events at once (a character's DM is the campaign's fact). */
async function checkEventAuthority(databases: DatabaseSet): Promise<number> {
  const result = await checkAuthority(await databases.platform());
  if (result.violations.length === 0) console.log(`authority: ${result.summary}`);
  for (const violation of result.violations) console.log(`authority: ${violation}`);
  return result.violations.length;
}

const args = process.argv.slice(2);
const databases = new DatabaseSet();
let violations = 0;
try {
  for (const service of servicesFromArgs(args, 'check')) violations += await checkService(databases, service);
  if (args.length === 0) {
    violations += await checkAcrossServices(databases);
    violations += await checkEventAuthority(databases);
  }
} finally {
  await databases.closeAll();
}
console.log(violations === 0 ? 'check passed' : `check FAILED: ${violations} violation(s)`);
process.exitCode = violations === 0 ? 0 : 1;
