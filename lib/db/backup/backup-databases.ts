import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sha256File, writeManifest, type BackupEntry, type BackupManifest } from './backup-manifest.js';
import type { DatabaseLocation } from './database-locations.js';
import { assertPgliteFree, dumpPgliteDirectory } from './pglite-backup.js';
import { dumpPostgresSchema } from './postgres-backup.js';

export interface BackupOptions {
  /** Accept a PGlite postmaster.pid that no process holds (see assertPgliteFree). */
  force?: boolean;
  onProgress?(message: string): void;
}

/** `backups/2025-01-31T12-00-00-000Z`: sorts by time, and has no colon, which some file systems refuse. */
export function timestampedDirectory(root: string, now = new Date()): string {
  return path.join(root, now.toISOString().replace(/[:.]/g, '-'));
}

export function sameEngine(locations: readonly DatabaseLocation[]): 'pglite' | 'postgres' {
  const engines = new Set(locations.map((location) => location.engine));
  const [engine] = engines;
  if (engines.size !== 1 || !engine) throw new Error('a backup covers databases of one engine: PGlite directories or one PostgreSQL server');
  return engine;
}

/**
 * Dumps every database into `directory` (created; an existing non-empty one is refused, never overwritten) and
 * writes the manifest last: a directory without one is an unfinished backup that restore will not read.
 * On PostgreSQL pg_dump reads a consistent snapshot while the platform runs; PGlite directories must be closed.
 */
export async function backupDatabases(locations: readonly DatabaseLocation[], directory: string, options: BackupOptions = {}): Promise<BackupManifest> {
  const engine = sameEngine(locations);
  for (const location of locations) if (location.engine === 'pglite') assertPgliteFree(location.directory, options.force);
  if (readdirSafe(directory).length > 0) throw new Error(`${directory} already holds files: choose another --out`);
  mkdirSync(directory, { recursive: true });
  try {
    const databases: BackupEntry[] = [];
    for (const location of locations) {
      const started = performance.now();
      const file = `${location.service}.${location.engine === 'pglite' ? 'tar.gz' : 'dump'}`;
      const target = path.join(directory, file);
      if (location.engine === 'pglite') await dumpPgliteDirectory(location.directory, target);
      else await dumpPostgresSchema(location.url, location.schema, target);
      const entry = { service: location.service, file, bytes: statSync(target).size, sha256: await sha256File(target) };
      databases.push(location.engine === 'postgres' ? { ...entry, schema: location.schema } : entry);
      options.onProgress?.(`${location.service}: ${file} (${formatBytes(entry.bytes)}, ${Math.round(performance.now() - started)} ms)`);
    }
    const manifest: BackupManifest = { format: 1, createdAt: new Date().toISOString(), engine, databases };
    await writeManifest(directory, manifest);
    return manifest;
  } catch (err) {
    // Half a backup looks like a backup: nothing of it is left behind.
    rmSync(directory, { recursive: true, force: true });
    throw err;
  }
}

function readdirSafe(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
