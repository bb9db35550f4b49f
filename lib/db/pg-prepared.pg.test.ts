import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePgPool } from './pg-prepared.js';

const url = process.env.DATABASE_URL;
let pool: pg.Pool;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: url, max: 2 });
  preparePgPool(pool);
});
afterAll(() => pool.end());

const preparedHere = async (client: pg.PoolClient) =>
  (await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement')).rows.map((row) => row.statement);

describe.runIf(url)('preparePgPool', () => {
  it('prepares each parameterised text once per connection, in every call form, and answers as before', async () => {
    const client = await pool.connect();
    try {
      for (let i = 0; i < 3; i++) {
        expect((await client.query('SELECT $1::int + 1 AS n', [i])).rows).toEqual([{ n: i + 1 }]);
        expect((await client.query({ text: 'SELECT $1::text AS s', values: [`x${i}`] })).rows).toEqual([{ s: `x${i}` }]);
        expect((await client.query({ text: 'SELECT $1::int * 2 AS n', rowMode: 'array' }, [i])).rows).toEqual([[i * 2]]);
      }
      const callback = await new Promise<unknown>((resolve, reject) =>
        client.query('SELECT $1::int AS n', [7], (err, result) => (err ? reject(err) : resolve(result.rows))),
      );
      expect(callback).toEqual([{ n: 7 }]);
      // Statements without parameters stay on the simple protocol: several commands in one text still run.
      await client.query('SELECT 1; SELECT 2');
      expect(await preparedHere(client)).toEqual(['SELECT $1::int * 2 AS n', 'SELECT $1::int + 1 AS n', 'SELECT $1::int AS n', 'SELECT $1::text AS s']);
    } finally {
      client.release();
    }
  });

  it('reports a failing statement and keeps the connection usable, also through pool.query', async () => {
    await expect(pool.query('SELECT $1::int AS n', ['not a number'])).rejects.toMatchObject({ code: '22P02' });
    expect((await pool.query('SELECT $1::int AS n', [3])).rows).toEqual([{ n: 3 }]);
  });
});
