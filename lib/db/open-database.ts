import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { dataDir } from '../config/paths.js';
import { serviceApplicationName } from './application-name.js';
import { preparePgPool } from './pg-prepared.js';
import { preparePglite } from './pglite-prepared.js';
import { seedFromTemplate } from './pglite-template.js';
import { serviceSchemaName } from './schema-name.js';
import { tracePglite, tracePgPool } from './trace-statements.js';
import { counter, metricsRegistry } from '../telemetry/metrics-registry.js';

export type AppDatabase<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

export interface Database<TSchema extends Record<string, unknown>> {
  db: AppDatabase<TSchema>;
  dialect: 'pglite' | 'postgres';
  /** Postgres schema holding this service's tables ("public" on PGlite, where the directory already isolates). */
  schemaName: string;
  /** SQL statements sent since start (also db_statements_total at /metrics, which the N+1 benchmark reads). */
  stats: { statements: number };
  close(): Promise<void>;
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  service: string;
  schema: TSchema;
  migrationsFolder: string;
  /** Default: DATABASE_URL. Absent: embedded PGlite under DATA_DIR/<service>. */
  databaseUrl?: string | undefined;
  /** PGlite directory; 'memory://' for a throw-away database in tests. Default DATA_DIR/<service>. */
  directory?: string;
  /** Postgres schema; default DB_SCHEMA_PREFIX + service. */
  schemaName?: string;
  /**
   * PGlite only: server settings (`-c name=value`) on top of PGlite's defaults, for a process that must keep its
   * embedded database small (the gateway's hub). Ignored on Postgres, whose settings belong to the server.
   */
  pgliteSettings?: Record<string, string>;
}

/**
 * Opens the service's own database and brings it to the latest migration.
 * One code path for both drivers so that every test on PGlite also speaks for Postgres.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(options: OpenDatabaseOptions<TSchema>): Promise<Database<TSchema>> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  const stats = { statements: 0 };
  const statements = counter(metricsRegistry(options.service), 'db_statements_total', 'SQL statements sent to the database');
  const logger = {
    logQuery: () => {
      stats.statements++;
      statements.inc();
    },
  };
  return url ? openPostgres(url, options, stats, logger) : openPglite(options, stats, logger);
}

async function openPglite<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
  stats: { statements: number },
  logger: { logQuery(): void },
): Promise<Database<TSchema>> {
  const dir = options.directory ?? path.join(dataDir(), options.service);
  if (!dir.startsWith('memory://')) {
    mkdirSync(path.dirname(dir), { recursive: true });
    await seedFromTemplate(dir);
  }
  const settings = Object.entries(options.pgliteSettings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const client = await PGlite.create(dir, settings.length ? { startParams: [...PGlite.defaultStartParams, ...settings] } : {});
  preparePglite(client);
  tracePglite(client);
  const db = drizzlePglite(client, { schema: options.schema, logger });
  // PGlite is a single connection in one process, so no lock is needed around migrations.
  await migratePglite(db, { migrationsFolder: options.migrationsFolder });
  return {
    db: db as unknown as AppDatabase<TSchema>,
    dialect: 'pglite',
    schemaName: 'public',
    stats,
    close: () => client.close(),
  };
}

async function openPostgres<TSchema extends Record<string, unknown>>(
  url: string,
  options: OpenDatabaseOptions<TSchema>,
  stats: { statements: number },
  logger: { logQuery(): void },
): Promise<Database<TSchema>> {
  const schemaName = options.schemaName ?? serviceSchemaName(options.service);
  const pool = new pg.Pool({
    connectionString: url,
    // Every connection sees only this service's schema: tables are created and read unqualified.
    options: `-c search_path="${schemaName}"`,
    // Names the schema in pg_stat_activity, so that `npm run restore` can tell the service is running on it.
    application_name: serviceApplicationName(schemaName),
    // 10: enough for a subgraph's concurrent resolvers on 2 cores without starving other services of connections.
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    idleTimeoutMillis: 30_000,
  });
  preparePgPool(pool);
  tracePgPool(pool);
  const db = drizzlePg(pool, { schema: options.schema, logger });
  const lockClient = await pool.connect();
  try {
    // drizzle's migrator takes no lock: two replicas starting together would both run the same migration.
    await lockClient.query('SELECT pg_advisory_lock(hashtext($1))', [`dnd-tools:migrate:${schemaName}`]);
    await lockClient.query(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"`);
    await migratePg(db, { migrationsFolder: options.migrationsFolder, migrationsSchema: schemaName });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [`dnd-tools:migrate:${schemaName}`]).catch(() => undefined);
    lockClient.release();
  }
  return {
    db: db as unknown as AppDatabase<TSchema>,
    dialect: 'postgres',
    schemaName,
    stats,
    close: () => pool.end(),
  };
}
