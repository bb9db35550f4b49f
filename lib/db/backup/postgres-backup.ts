import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { serviceApplicationName } from '../application-name.js';
import { DatabaseInUseError } from './database-in-use.js';

const run = promisify(execFile);
// 1 GiB of stderr/stdout at most: pg_dump writes the archive to a file, so its output is only messages.
const MAX_OUTPUT = 1 << 30;

/**
 * pg_dump and pg_restore from PATH, or from PG_BIN: pg_dump refuses a server newer than itself, and a machine with
 * several PostgreSQL versions keeps each one's tools under its own directory.
 */
function tool(name: 'pg_dump' | 'pg_restore'): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

/** The URL without its password, which goes in PGPASSWORD: a command line is visible to every user in `ps`. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function runTool(name: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const { dbname, env } = connection(url);
  try {
    await run(tool(name), [`--dbname=${dbname}`, ...args], { env, maxBuffer: MAX_OUTPUT });
  } catch (err) {
    const { stderr, code } = err as { stderr?: string; code?: string | number };
    if (code === 'ENOENT') throw new Error(`${tool(name)} not found: install the PostgreSQL client tools or set PG_BIN`, { cause: err });
    throw new Error(`${name} failed: ${(stderr ?? String(err)).trim()}`, { cause: err });
  }
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** One service's schema in pg_dump's custom format: tables, data, sequences and its migrations table. */
export async function dumpPostgresSchema(url: string, schema: string, file: string): Promise<void> {
  const exists = await withClient(url, async (client) => (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount);
  if (!exists) throw new Error(`schema "${schema}" does not exist (has the service started once on this database?)`);
  await runTool('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${file}`], url);
}

/** Refuses a schema that a service is connected to (its pool names the schema in application_name). */
export async function assertPostgresSchemaFree(url: string, schema: string): Promise<void> {
  const sessions = await withClient(url, async (client) => {
    const { rows } = await client.query<{ pid: number; client: string | null }>(
      `SELECT pid, host(client_addr) AS client FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()`,
      [serviceApplicationName(schema)],
    );
    return rows;
  });
  if (sessions.length > 0) {
    const who = sessions.map((session) => `${session.pid}${session.client ? ` from ${session.client}` : ''}`).join(', ');
    throw new DatabaseInUseError(`schema "${schema}" is in use by ${sessions.length} connection(s) (backend pid ${who})`);
  }
}

/**
 * Replaces the schema with the dump. The current schema is renamed aside first and dropped only once pg_restore
 * committed (--single-transaction), so a failed restore puts it back as it was.
 */
export async function restorePostgresSchema(url: string, schema: string, file: string): Promise<void> {
  const aside = `restore_${process.pid}_${Date.now().toString(36)}`;
  const hadSchema = await withClient(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (rowCount) await client.query(`ALTER SCHEMA "${schema}" RENAME TO "${aside}"`);
    return Boolean(rowCount);
  });
  try {
    // --no-owner/--no-privileges: the restoring role owns what it creates, whoever owned it on the dumped server.
    await runTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', file], url);
  } catch (err) {
    if (hadSchema) {
      await withClient(url, async (client) => {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.query(`ALTER SCHEMA "${aside}" RENAME TO "${schema}"`);
      });
    }
    throw err;
  }
  if (hadSchema) await withClient(url, (client) => client.query(`DROP SCHEMA "${aside}" CASCADE`));
}
