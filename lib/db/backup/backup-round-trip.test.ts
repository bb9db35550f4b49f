/**
 * `npm run backup` / `npm run restore` on embedded databases: every service's PGlite directory with its real
 * migrations and rows, dumped, changed, and put back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';
import { BACKUP_SERVICES, backupDatabases, DatabaseInUseError, restoreDatabases, type DatabaseLocation } from './index.js';
import { SERVICE_TABLES, tableRows } from './testing/service-rows.js';

const root = mkdtempSync(path.join(tmpdir(), 'dnd-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Service = (typeof BACKUP_SERVICES)[number];
const locations: DatabaseLocation[] = BACKUP_SERVICES.map((service) => ({ service, engine: 'pglite', directory: path.join(root, 'data', service) }));

/** Opens each service's directory as the service does (migrations included), runs `use`, closes it again. */
async function eachDatabase<T>(
  services: readonly Service[],
  use: (service: Service, db: Parameters<typeof tableRows>[0]) => Promise<T>,
): Promise<Record<string, T>> {
  const results = await Promise.all(
    services.map(async (service) => {
      const database = await openService(service);
      try {
        return [service, await use(service, database.db)] as const;
      } finally {
        await database.close();
      }
    }),
  );
  return Object.fromEntries(results);
}

function openService(service: Service) {
  return openDatabase({
    service,
    schema: {},
    migrationsFolder: SERVICE_TABLES[service].migrations,
    databaseUrl: '',
    directory: path.join(root, 'data', service),
  });
}

describe('backup and restore on PGlite', () => {
  it('gives back every service its rows as they were at the backup, after rows were changed or whole databases lost', async () => {
    const before = await eachDatabase(BACKUP_SERVICES, async (service, db) => {
      await db.execute(SERVICE_TABLES[service].insert('kept'));
      await db.execute(SERVICE_TABLES[service].insert('also-kept'));
      return tableRows(db, SERVICE_TABLES[service].table);
    });
    const backup = path.join(root, 'backups', 'first');
    const manifest = await backupDatabases(locations, backup);
    expect(manifest.engine).toBe('pglite');
    expect(manifest.databases.map((entry) => entry.service)).toEqual([...BACKUP_SERVICES]);

    // A subgraph's and the hub's rows deleted and rewritten; the other three data directories gone altogether.
    const changed = await eachDatabase(['character', 'hub'], async (service, db) => {
      await db.execute(sql.raw(`DELETE FROM "${SERVICE_TABLES[service].table}"`));
      await db.execute(SERVICE_TABLES[service].insert('written-after-backup'));
      return tableRows(db, SERVICE_TABLES[service].table);
    });
    expect(changed.character).toHaveLength(1);
    for (const service of ['campaign', 'image', 'llm']) rmSync(path.join(root, 'data', service), { recursive: true });

    await restoreDatabases(locations, backup);
    const after = await eachDatabase(BACKUP_SERVICES, (service, db) => tableRows(db, SERVICE_TABLES[service].table));
    expect(after).toEqual(before);
    expect(after.character?.join()).toContain('also-kept');
    expect(after.hub?.join()).not.toContain('written-after-backup');
  });

  it('refuses to restore a database a process has open, naming the process, and replaces nothing', async () => {
    const character = locations.filter((location) => location.service === 'character');
    await backupDatabases(character, path.join(root, 'backups', 'character'));
    const open = await openService('character');
    try {
      await open.db.execute(SERVICE_TABLES.character.insert('while-running'));
      const refused = restoreDatabases(character, path.join(root, 'backups', 'character'));
      await expect(refused).rejects.toBeInstanceOf(DatabaseInUseError);
      await expect(refused).rejects.toThrow(`${path.join(root, 'data', 'character')} is open in process ${process.pid}`);
      await expect(backupDatabases(character, path.join(root, 'backups', 'while-open'))).rejects.toBeInstanceOf(DatabaseInUseError);
      expect((await tableRows(open.db, 'characters')).join()).toContain('while-running');
    } finally {
      await open.close();
    }
  });

  it('refuses a damaged backup before touching any database', async () => {
    const character = locations.filter((location) => location.service === 'character');
    const backup = path.join(root, 'backups', 'character');
    writeFileSync(path.join(backup, 'character.tar.gz'), 'truncated');
    await expect(restoreDatabases(character, backup)).rejects.toThrow(/character\.tar\.gz does not match its checksum/);
    const open = await openService('character');
    expect((await tableRows(open.db, 'characters')).join()).toContain('while-running');
    await open.close();
  });
});
