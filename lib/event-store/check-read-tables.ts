import type { PgTable } from 'drizzle-orm/pg-core';
import { getTableName } from 'drizzle-orm';
import type { Executor, Transaction } from './executor.js';
import type { Projection } from './projection.js';
import { replayProjection } from './replay.js';

export interface TableDifference {
  table: string;
  /** Rows the live table has and a replay would not produce, and the reverse (at most a few of each). */
  onlyLive: unknown[];
  onlyReplayed: unknown[];
}

// 3 rows of each kind: enough to see what is wrong, short enough to read in a terminal.
const SHOWN_ROWS = 3;

class RollBack extends Error {}

async function snapshot<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, tables: PgTable[]) {
  const result = new Map<string, string[]>();
  for (const table of tables) {
    const rows = (await tx.select().from(table)) as unknown[];
    result.set(getTableName(table), rows.map((row) => JSON.stringify(row)).sort());
  }
  return result;
}

/**
 * Compares the read tables with what a replay of the events produces, without changing anything: the replay
 * runs inside a transaction that is always rolled back. An empty list means the tables agree with the events.
 */
export async function checkReadTables<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  projection: Projection<TSchema>,
): Promise<TableDifference[]> {
  let differences: TableDifference[] = [];
  try {
    await db.transaction(async (tx) => {
      const live = await snapshot(tx, projection.readTables);
      // A nested transaction is a savepoint: the replay's own transaction runs inside this one.
      await replayProjection(tx, projection);
      const replayed = await snapshot(tx, projection.readTables);
      differences = [...live.entries()].flatMap(([table, liveRows]) => {
        const replayedRows = replayed.get(table) ?? [];
        const replayedSet = new Set(replayedRows);
        const liveSet = new Set(liveRows);
        const onlyLive = liveRows.filter((row) => !replayedSet.has(row));
        const onlyReplayed = replayedRows.filter((row) => !liveSet.has(row));
        if (!onlyLive.length && !onlyReplayed.length) return [];
        const parse = (rows: string[]) => rows.slice(0, SHOWN_ROWS).map((row) => JSON.parse(row) as unknown);
        return [{ table, onlyLive: parse(onlyLive), onlyReplayed: parse(onlyReplayed) }];
      });
      throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  return differences;
}
