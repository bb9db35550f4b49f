/**
 * `npm run backup -- [--out <dir>] [--force] [service ...]`: every service's database (character, campaign, image,
 * llm and the gateway's hub) into one directory, default ./backups/<timestamp>/, with a manifest of checksums.
 * On PostgreSQL (DATABASE_URL) pg_dump of each service's schema, safe while the platform runs; on PGlite each data
 * directory's dump, which needs the platform stopped (a PGlite directory has one writer).
 */
import path from 'node:path';
import { backupDatabases, DatabaseInUseError, platformDatabases, timestampedDirectory } from '#lib/db/backup/index.js';
import { backupArgs } from './backup-args.js';

const { directory, force, services } = backupArgs('backup', 'out');
const out = path.resolve(directory ?? timestampedDirectory(path.resolve('backups')));
const started = performance.now();
try {
  const manifest = await backupDatabases(platformDatabases(services), out, { force, onProgress: (line) => console.log(line) });
  console.log(`backup of ${manifest.databases.length} database(s) (${manifest.engine}) in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (err) {
  const message = (err as Error).message;
  console.error(`backup failed: ${message}`);
  if (err instanceof DatabaseInUseError) {
    console.error('Stop the platform first (Ctrl-C on npm start): an embedded database can be read by one process at a time.');
    console.error('If nothing runs and a crash left postmaster.pid behind, run again with --force.');
  }
  process.exitCode = 1;
}
