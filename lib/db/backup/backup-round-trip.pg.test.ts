/**
 * `npm run backup` / `npm run restore` on a PostgreSQL server (DATABASE_URL, as .ci/run sets it): pg_dump of each
 * service's own schema with its real migrations and rows, then pg_restore recreating that schema.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';
import { sha256File, writeManifest } from './backup-manifest.js';
import { BACKUP_SERVICES, backupDatabases, DatabaseInUseError, restoreDatabases, type DatabaseLocation } from './index.js';
import { SERVICE_TABLES, tableRows } from './testing/service-rows.js';

type Service = (typeof BACKUP_SERVICES)[number];
const url = process.env.DATABASE_URL!;
const root = mkdtempSync(path.join(tmpdir(), 'dnd-backup-pg-'));
// A fresh set of schemas, as DB_SCHEMA_PREFIX gives every CI run: other runs' data is never touched.
const prefix = `t_${randomBytes(4).toString('hex')}_`;
const schemaOf = (service: string) => `${prefix}${service}`;
const locations: DatabaseLocation[] = BACKUP_SERVICES.map((service) => ({ service, engine: 'postgres', url, schema: schemaOf(service) }));

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const service of BACKUP_SERVICES) await client.query(`DROP SCHEMA IF EXISTS "${schemaOf(service)}" CASCADE`);
  await client.end();
});

function openService(service: Service) {
  return openDatabase({ service, schema: {}, migrationsFolder: SERVICE_TABLES[service].migrations, databaseUrl: url, schemaName: schemaOf(service) });
}

async function eachDatabase<T>(use: (service: Service, db: Parameters<typeof tableRows>[0]) => Promise<T>): Promise<Record<string, T>> {
  const results: Record<string, T> = {};
  for (const service of BACKUP_SERVICES) {
    const database = await openService(service);
    try {
      results[service] = await use(service, database.db);
    } finally {
      await database.close();
    }
  }
  return results;
}

describe('backup and restore on PostgreSQL', () => {
  it('gives back every service its schema and rows as they were at the backup', async () => {
    const before = await eachDatabase(async (service, db) => {
      await db.execute(SERVICE_TABLES[service].insert('kept'));
      await db.execute(SERVICE_TABLES[service].insert('also-kept'));
      return tableRows(db, SERVICE_TABLES[service].table);
    });
    const backup = path.join(root, 'first');
    const manifest = await backupDatabases(locations, backup);
    expect(manifest.databases.map((entry) => [entry.service, entry.schema])).toEqual(BACKUP_SERVICES.map((service) => [service, schemaOf(service)]));

    await eachDatabase(async (service, db) => {
      await db.execute(sql.raw(`DELETE FROM "${SERVICE_TABLES[service].table}"`));
      await db.execute(SERVICE_TABLES[service].insert('written-after-backup'));
      // A table the backup never had: the schema is recreated, not merged into.
      await db.execute(sql.raw('CREATE TABLE stray (id int)'));
    });

    await restoreDatabases(locations, backup);
    const after = await eachDatabase(async (service, db) => {
      const stray = await db.execute(sql.raw(`SELECT to_regclass('stray') AS stray`));
      expect((stray as unknown as { rows: { stray: string | null }[] }).rows[0]?.stray).toBeNull();
      // The service can write again: sequences, defaults and migrations came back with the tables.
      await openService(service).then((database) => database.close());
      return tableRows(db, SERVICE_TABLES[service].table);
    });
    expect(after).toEqual(before);
  });

  it('refuses to restore a schema a running service is connected to', async () => {
    const character = locations.filter((location) => location.service === 'character');
    const backup = path.join(root, 'character');
    await backupDatabases(character, backup);
    const running = await openService('character');
    try {
      await running.db.execute(SERVICE_TABLES.character.insert('while-running'));
      const refused = restoreDatabases(character, backup);
      await expect(refused).rejects.toBeInstanceOf(DatabaseInUseError);
      await expect(refused).rejects.toThrow(`schema "${schemaOf('character')}" is in use`);
      expect((await tableRows(running.db, 'characters')).join()).toContain('while-running');
    } finally {
      await running.close();
    }
  });

  it('leaves the schema as it was when pg_restore fails part-way', async () => {
    const backup = path.join(root, 'broken');
    await backupDatabases(
      locations.filter((location) => location.service === 'campaign'),
      backup,
    );
    // An archive pg_restore cannot read, with a checksum that matches it: only pg_restore can find it bad.
    const file = path.join(backup, 'campaign.dump');
    writeFileSync(file, 'PGDMP not really an archive');
    await writeManifest(backup, {
      format: 1,
      createdAt: new Date().toISOString(),
      engine: 'postgres',
      databases: [{ service: 'campaign', file: 'campaign.dump', schema: schemaOf('campaign'), bytes: 27, sha256: await sha256File(file) }],
    });
    const campaign = locations.filter((location) => location.service === 'campaign');
    await expect(restoreDatabases(campaign, backup)).rejects.toThrow(/pg_restore failed/);
    const rows = await eachDatabase(async (service, db) => (service === 'campaign' ? tableRows(db, 'campaigns') : []));
    expect(rows.campaign?.join()).toContain('also-kept');
  });
});
