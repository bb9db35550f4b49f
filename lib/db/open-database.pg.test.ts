/**
 * Runs only against a PostgreSQL server (DATABASE_URL, as .ci/run sets it): what PGlite, one connection in one
 * process, cannot show — replicas migrating at once, and each service confined to its own schema.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';
import { queryRows } from './query-rows.js';
import { writeMigrationFixture } from './testing/migration-fixture.js';

const url = process.env.DATABASE_URL!;
const migrationsFolder = writeMigrationFixture();
const schemaName = `t_${randomBytes(5).toString('hex')}_notes`;

afterAll(async () => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
  await client.end();
});

describe('openDatabase on PostgreSQL', () => {
  it('lets four replicas start at once: the advisory lock runs the migration exactly once', async () => {
    const replicas = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ service: 'notes', schema: {}, migrationsFolder, databaseUrl: url, schemaName })),
    );
    const applied = await queryRows<{ n: string }>(replicas[0]!.db, sql.raw(`SELECT count(*) AS n FROM "${schemaName}".__drizzle_migrations`));
    expect(Number(applied[0]?.n)).toBe(1);
    await replicas[1]!.db.execute(sql`INSERT INTO notes (body) VALUES ('shared')`);
    const seen = await queryRows<{ body: string }>(replicas[2]!.db, sql`SELECT body FROM notes`);
    expect(seen).toEqual([{ body: 'shared' }]);
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('creates the tables in the service schema and nowhere else', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ table_schema: string }>(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'notes' AND table_schema = ANY($1)`,
      [[schemaName, 'public']],
    );
    await client.end();
    expect(rows).toEqual([{ table_schema: schemaName }]);
  });
});
