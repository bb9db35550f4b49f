import path from 'node:path';
import { readManifest, sha256File, type BackupEntry } from './backup-manifest.js';
import { sameEngine } from './backup-databases.js';
import type { DatabaseLocation } from './database-locations.js';
import { assertPgliteFree, restorePgliteDirectory } from './pglite-backup.js';
import { assertPostgresSchemaFree, restorePostgresSchema } from './postgres-backup.js';

export interface RestoreOptions {
  /** Accept a PGlite postmaster.pid that no process holds (see assertPgliteFree). */
  force?: boolean;
  onProgress?(message: string): void;
}

const ENGINE_NAMES = { pglite: 'embedded PGlite (no DATABASE_URL)', postgres: 'PostgreSQL (DATABASE_URL)' };

/**
 * Replaces each database with its copy in the backup. Everything is checked before the first database is touched:
 * the manifest, every file's checksum, and that no running service has any of the databases open.
 */
export async function restoreDatabases(locations: readonly DatabaseLocation[], directory: string, options: RestoreOptions = {}): Promise<void> {
  const manifest = await readManifest(directory);
  const engine = sameEngine(locations);
  if (manifest.engine !== engine) {
    throw new Error(`${directory} is a backup of ${ENGINE_NAMES[manifest.engine]}, but the databases to restore are on ${ENGINE_NAMES[engine]}`);
  }
  const plan: { location: DatabaseLocation; entry: BackupEntry; file: string }[] = [];
  for (const location of locations) {
    const entry = manifest.databases.find((candidate) => candidate.service === location.service);
    if (!entry) throw new Error(`${directory} holds no database of ${location.service}`);
    if (location.engine === 'postgres' && entry.schema !== location.schema) {
      // pg_restore recreates the schema under its dumped name; another name would be a different service set.
      throw new Error(`${location.service}: the backup holds schema "${entry.schema}", this environment uses "${location.schema}" (DB_SCHEMA_PREFIX)`);
    }
    const file = path.join(directory, entry.file);
    const actual = await sha256File(file).catch((err: Error) => {
      throw new Error(`${file}: ${err.message}`);
    });
    if (actual !== entry.sha256) throw new Error(`${file} does not match its checksum in the manifest: the backup is damaged`);
    plan.push({ location, entry, file });
  }
  for (const { location } of plan) {
    if (location.engine === 'pglite') assertPgliteFree(location.directory, options.force);
    else await assertPostgresSchemaFree(location.url, location.schema);
  }
  for (const { location, file } of plan) {
    const started = performance.now();
    if (location.engine === 'pglite') await restorePgliteDirectory(file, location.directory);
    else await restorePostgresSchema(location.url, location.schema, file);
    options.onProgress?.(`${location.service}: restored from ${path.basename(file)} (${Math.round(performance.now() - started)} ms)`);
  }
}
