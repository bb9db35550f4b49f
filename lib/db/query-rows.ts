import type { SQL } from 'drizzle-orm';
import type { AppDatabase } from './open-database.js';

/**
 * Raw SQL rows on either driver. `AppDatabase` is typed over both PGlite and node-postgres, whose execute()
 * results differ in type but both carry `rows`; this is the one place that says so.
 */
export async function queryRows<TRow>(db: AppDatabase<Record<string, unknown>>, query: SQL): Promise<TRow[]> {
  const result = (await db.execute(query)) as unknown as { rows: TRow[] };
  return result.rows;
}
