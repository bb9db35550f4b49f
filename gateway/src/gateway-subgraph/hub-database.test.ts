import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '#lib/db/index.js';
import { openHubDatabase } from './hub-database.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'dnd-hub-db-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the hub database on PGlite', () => {
  it('runs with the small buffer pool the gateway process can afford, and keeps committed rows across a reopen', async () => {
    const directory = path.join(dataDir, 'hub');
    const first = await openHubDatabase({ directory, databaseUrl: '' });
    const [setting] = await queryRows<{ shared_buffers: string }>(first.db, sql`SHOW shared_buffers`);
    expect(setting?.shared_buffers).toBe('16MB');
    await first.db.execute(sql`CREATE TABLE probe (note text)`);
    await first.db.execute(sql`INSERT INTO probe VALUES ('kept')`);
    await first.close();

    const again = await openHubDatabase({ directory, databaseUrl: '' });
    const rows = await queryRows<{ note: string }>(again.db, sql`SELECT note FROM probe`);
    await again.close();
    expect(rows).toEqual([{ note: 'kept' }]);
  });
});
