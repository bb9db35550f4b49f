import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { startTracing } from '../telemetry/tracing.js';
import { openDatabase } from './open-database.js';
import { writeMigrationFixture } from './testing/migration-fixture.js';
import { expectStatementSpans } from './testing/statement-spans.js';

const migrationsFolder = writeMigrationFixture();
const tracing = startTracing({ service: 'notes', config: { enabled: true, sample_ratio: 1, keep_traces: 20 } });
afterAll(async () => {
  await tracing.shutdown();
  rmSync(migrationsFolder, { recursive: true, force: true });
});

describe('SQL statements in traces, on embedded PGlite', () => {
  it('one span per statement under the request, text without values, nothing outside a request', async () => {
    const database = await openDatabase({ service: 'notes', schema: {}, migrationsFolder, databaseUrl: '', directory: 'memory://' });
    try {
      await expectStatementSpans(database, tracing, 'pglite');
    } finally {
      await database.close();
    }
  });
});
