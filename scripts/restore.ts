/**
 * `npm run restore -- [--from <dir>] [--force] [service ...]`: puts back each database from a backup made by
 * `npm run backup` (default: the newest under ./backups). Each database is replaced as a whole: on PostgreSQL its
 * schema is dropped and recreated by pg_restore, on PGlite its data directory is swapped for the dump's.
 * Refused while a service has one of the databases open.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseInUseError, platformDatabases, restoreDatabases } from '#lib/db/backup/index.js';
import { MANIFEST_FILE } from '#lib/db/backup/backup-manifest.js';
import { backupArgs } from './backup-args.js';

/** The newest complete backup under ./backups: timestamped names sort by time. */
function newestBackup(root: string): string | undefined {
  if (!existsSync(root)) return undefined;
  const complete = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, MANIFEST_FILE)))
    .sort();
  const newest = complete.at(-1);
  return newest === undefined ? undefined : path.join(root, newest);
}

const { directory, force, services } = backupArgs('restore', 'from');
const from = directory ? path.resolve(directory) : newestBackup(path.resolve('backups'));
if (!from) {
  console.error('restore: no backup under ./backups; name one with --from <dir>');
  process.exit(2);
}
console.log(`restoring ${services.join(', ')} from ${from}`);
try {
  await restoreDatabases(platformDatabases(services), from, { force, onProgress: (line) => console.log(line) });
  console.log('restore complete');
} catch (err) {
  // Everything is checked before the first database is replaced: those not listed as restored above are unchanged.
  console.error(`restore failed (databases not listed above as restored are unchanged): ${(err as Error).message}`);
  if (err instanceof DatabaseInUseError) {
    console.error('Stop the platform (or every service using these databases) before restoring.');
    console.error('If nothing runs and a crash left postmaster.pid behind, run again with --force.');
  }
  process.exitCode = 1;
}
