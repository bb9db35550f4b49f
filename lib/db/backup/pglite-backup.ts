import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseInUseError } from './database-in-use.js';
import { describeUsage, pgliteUsage } from './pglite-users.js';

/**
 * Refuses a directory another process has open. `allowPidFile` accepts a postmaster.pid that no process holds
 * (left by a process that was killed): PGlite recovers such a directory on its next open, as Postgres would.
 */
export function assertPgliteFree(directory: string, allowPidFile = false): void {
  const usage = pgliteUsage(directory);
  const inUse = usage.pids.length > 0 || (usage.pidFile && !allowPidFile);
  const reason = describeUsage(directory, usage);
  if (inUse && reason) throw new DatabaseInUseError(reason);
}

/** The whole data directory as PGlite's own gzipped tarball (dumpDataDir), written to `file`. */
export async function dumpPgliteDirectory(directory: string, file: string): Promise<void> {
  if (!existsSync(directory) || readdirSync(directory).length === 0) {
    throw new Error(`${directory} holds no database (has the service started once?)`);
  }
  const db = await PGlite.create(directory);
  try {
    const dump = await db.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/**
 * Replaces `directory` with the dump in `file`. The dump is unpacked and opened in a sibling directory first, so a
 * damaged or incompatible dump leaves the current database untouched; only then are the two swapped by renames.
 */
export async function restorePgliteDirectory(file: string, directory: string): Promise<void> {
  const staging = `${directory}.restoring-${process.pid}`;
  const previous = `${directory}.replaced-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const db = await PGlite.create(staging, { loadDataDir: new Blob([await readFile(file)]) });
    // A query proves the unpacked cluster starts and reads its catalogue, before anything is replaced.
    await db.query('SELECT count(*) FROM pg_class');
    await db.close();
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`${file} does not open as a PGlite data directory: ${(err as Error).message}`, { cause: err });
  }
  if (existsSync(directory)) renameSync(directory, previous);
  renameSync(staging, directory);
  rmSync(previous, { recursive: true, force: true });
}
