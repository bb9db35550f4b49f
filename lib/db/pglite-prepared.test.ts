import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preparePglite } from './pglite-prepared.js';

let plain: PGlite;
let prepared: PGlite;
const SCHEMA = `CREATE TABLE heroes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text UNIQUE NOT NULL, level int NOT NULL,
  gear jsonb NOT NULL DEFAULT '[]', active boolean NOT NULL DEFAULT true, born timestamptz NOT NULL DEFAULT now())`;

beforeEach(async () => {
  plain = await PGlite.create('memory://');
  prepared = await PGlite.create('memory://');
  preparePglite(prepared);
  for (const db of [plain, prepared]) await db.exec(SCHEMA);
});
afterEach(async () => {
  await plain.close();
  await prepared.close();
});

async function both<T>(run: (db: PGlite) => Promise<T>): Promise<[T, T]> {
  return [await run(plain), await run(prepared)];
}

describe('preparePglite', () => {
  it('answers every statement as query() does: parameters of each type, rows in both modes, counts', async () => {
    const insert = (db: PGlite, name: string) =>
      db.query('INSERT INTO heroes (name, level, gear, active, born) VALUES ($1, $2, $3, $4, $5) RETURNING name, level, gear, active', [
        name,
        3,
        [{ item: 'rope', feet: 50 }],
        false,
        new Date('2026-01-02T03:04:05Z'),
      ]);
    for (const name of ['Aria', 'Brom', 'Cyra']) {
      const [a, b] = await both((db) => insert(db, name));
      expect(b.rows).toEqual(a.rows);
      expect(b.affectedRows).toBe(1);
    }
    const select = 'SELECT name, level, gear, active, born FROM heroes WHERE name IN ($1, $2) ORDER BY name';
    for (const rowMode of ['object', 'array'] as const) {
      // Twice: the second run is the prepared statement's, the first its Parse.
      for (let run = 0; run < 2; run++) {
        const [a, b] = await both((db) => db.query(select, ['Aria', 'Cyra'], { rowMode }));
        expect(b.rows).toEqual(a.rows);
        expect(b.fields).toEqual(a.fields);
        expect(b.rows).toHaveLength(2);
      }
    }
    const [a, b] = await both((db) => db.query('UPDATE heroes SET level = level + $1 WHERE active = $2', [1, false]));
    expect(b.affectedRows).toBe(a.affectedRows);
    expect(b.affectedRows).toBe(3);
    const [byPlain, byPrepared] = await both((db) => db.query('SELECT born FROM heroes LIMIT 1', [], { parsers: { 1184: (value) => `raw:${value}` } }));
    expect(byPrepared.rows).toEqual(byPlain.rows);
  });

  it('throws the SQLSTATE of a failed statement and keeps working, in and out of transactions', async () => {
    await prepared.query('INSERT INTO heroes (name, level) VALUES ($1, $2)', ['Aria', 1]);
    await expect(prepared.query('INSERT INTO heroes (name, level) VALUES ($1, $2)', ['Aria', 2])).rejects.toMatchObject({ code: '23505' });
    await expect(prepared.query('SELECT * FROM no_such_table WHERE id = $1', [1])).rejects.toMatchObject({ code: '42P01' });
    // A statement whose Parse failed is parsed again, not assumed prepared.
    await expect(prepared.query('SELECT * FROM no_such_table WHERE id = $1', [1])).rejects.toMatchObject({ code: '42P01' });

    await expect(
      prepared.transaction(async (tx) => {
        await tx.query('INSERT INTO heroes (name, level) VALUES ($1, $2)', ['Brom', 1]);
        await tx.query('INSERT INTO heroes (name, level) VALUES ($1, $2)', ['Aria', 2]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    // The failed transaction wrote nothing; the statements it prepared still run.
    const { rows } = await prepared.query<{ name: string }>('SELECT name FROM heroes WHERE level >= $1 ORDER BY name', [0]);
    expect(rows.map((row) => row.name)).toEqual(['Aria']);
    await prepared.transaction(async (tx) => {
      await tx.query('INSERT INTO heroes (name, level) VALUES ($1, $2)', ['Brom', 1]);
    });
    expect((await prepared.query('SELECT name FROM heroes WHERE level >= $1 ORDER BY name', [0])).rows).toHaveLength(2);
  });

  it('never runs a statement inside another caller’s open transaction', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = prepared.transaction(async (tx) => {
      await tx.query('INSERT INTO heroes (name, level) VALUES ($1, $2)', ['Uncommitted', 1]);
      await held;
      await tx.rollback();
    });
    const reading = prepared.query<{ n: number }>('SELECT count(*)::int AS n FROM heroes WHERE level = $1', [1]);
    release();
    await writing;
    expect((await reading).rows[0]?.n).toBe(0);
  });

  it('keeps answering past its limit of prepared statements, dropping the oldest', async () => {
    // 600 texts: more than the 500 it keeps prepared, so some are closed and prepared again.
    for (let i = 0; i < 600; i++) {
      const { rows } = await prepared.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [1]);
      expect(rows[0]?.n).toBe(i + 1);
    }
    const { rows } = await prepared.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements');
    expect(rows[0]?.n).toBeLessThanOrEqual(501);
    expect((await prepared.query<{ n: number }>('SELECT $1::int + 0 AS n', [5])).rows[0]?.n).toBe(5);
  });
});
