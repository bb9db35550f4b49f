import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '#lib/db/open-database.js';
import pg from 'pg';

/**
 * A throw-away database for one test file: in-memory PGlite by default, a fresh schema on the
 * server when DATABASE_URL is set (.ci/run), dropped again on close.
 */
export async function openTestDatabase<TSchema extends Record<string, unknown>>(
  service: string,
  schema: TSchema,
  migrationsFolder: string,
): Promise<Database<TSchema>> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ service, schema, migrationsFolder, directory: 'memory://' });
  const schemaName = `t_${randomBytes(5).toString('hex')}_${service}`;
  const database = await openDatabase({ service, schema, migrationsFolder, databaseUrl: url, schemaName });
  return {
    ...database,
    close: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
      await client.end();
    },
  };
}
