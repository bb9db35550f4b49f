import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { startTracing } from '../telemetry/tracing.js';
import { openDatabase } from './open-database.js';
import { writeMigrationFixture } from './testing/migration-fixture.js';
import { expectStatementSpans } from './testing/statement-spans.js';

const url = process.env.DATABASE_URL!;
const migrationsFolder = writeMigrationFixture();
const schemaName = `t_${randomBytes(5).toString('hex')}_notes`;
const tracing = startTracing({ service: 'notes', config: { enabled: true, sample_ratio: 1, keep_traces: 20 } });
afterAll(async () => {
  await tracing.shutdown();
  rmSync(migrationsFolder, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
  await client.end();
});

describe('SQL statements in traces, on PostgreSQL', () => {
  it('one span per statement under the request (pool and transaction client), text without values, nothing outside a request', async () => {
    const database = await openDatabase({ service: 'notes', schema: {}, migrationsFolder, databaseUrl: url, schemaName });
    try {
      await expectStatementSpans(database, tracing, 'postgresql');
    } finally {
      await database.close();
    }
  });
});
