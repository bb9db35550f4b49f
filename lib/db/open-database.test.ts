import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';
import { queryRows } from './query-rows.js';
import { writeMigrationFixture } from './testing/migration-fixture.js';

const migrationsFolder = writeMigrationFixture();
const dataDir = mkdtempSync(path.join(tmpdir(), 'dnd-db-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(migrationsFolder, { recursive: true, force: true });
});

describe('openDatabase on embedded PGlite', () => {
  it('migrates a new directory, keeps its data across restarts and does not migrate twice', async () => {
    const directory = path.join(dataDir, 'notes');
    const first = await openDatabase({ service: 'notes', schema: {}, migrationsFolder, databaseUrl: '', directory });
    expect(first.dialect).toBe('pglite');
    await first.db.execute(sql`INSERT INTO notes (body) VALUES ('the dragon sleeps')`);
    await first.close();

    const again = await openDatabase({ service: 'notes', schema: {}, migrationsFolder, databaseUrl: '', directory });
    const rows = await queryRows<{ body: string }>(again.db, sql`SELECT body FROM notes`);
    const applied = await queryRows<{ n: number }>(again.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    await again.close();
    expect(rows.map((row) => row.body)).toEqual(['the dragon sleeps']);
    expect(Number(applied[0]?.n)).toBe(1);
  });

  it('counts the SQL statements it sends (the N+1 benchmark reads this)', async () => {
    const database = await openDatabase({ service: 'count', schema: {}, migrationsFolder, databaseUrl: '', directory: 'memory://' });
    const before = database.stats.statements;
    await database.db.execute(sql`SELECT 1`);
    await database.db.execute(sql`SELECT 2`);
    expect(database.stats.statements - before).toBe(2);
    await database.close();
  });
});
