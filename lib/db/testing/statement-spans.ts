import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Tracing } from '../../telemetry/tracing.js';
import type { Database } from '../open-database.js';

/**
 * What the trace of a request shows of its SQL, the same on both drivers: one "db <operation>" span per statement
 * (transactions' included) under the request's span, the statement's text with placeholders, never a value; and
 * no span for a statement outside any request.
 */
export async function expectStatementSpans(database: Database<Record<string, never>>, tracing: Tracing, system: string): Promise<void> {
  const secretBody = 'the-password-is-swordfish';
  const traceId = await tracing.tracer.startActiveSpan('POST /graphql', async (span) => {
    await database.db.execute(sql`INSERT INTO notes (body) VALUES (${secretBody})`);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT body FROM notes WHERE body = ${secretBody}`);
      await tx.execute(sql`UPDATE notes SET body = ${secretBody + '!'} WHERE body = ${secretBody}`);
    });
    await database.db.execute(sql`SELECT no_such_column FROM notes`).catch(() => undefined);
    span.end();
    return span.spanContext().traceId;
  });
  await database.db.execute(sql`SELECT count(*) FROM notes`);

  const spans = tracing.recent.spans(traceId);
  const request = spans.find((span) => span.name === 'POST /graphql')!;
  const statements = spans.filter((span) => span.name.startsWith('db '));
  // node-postgres sends the transaction's BEGIN and COMMIT as statements; PGlite runs them inside transaction().
  const own = statements.map((span) => span.name).filter((name) => name !== 'db BEGIN' && name !== 'db COMMIT');
  expect(own).toEqual(['db INSERT', 'db SELECT', 'db UPDATE', 'db SELECT']);
  for (const span of statements) {
    expect(span).toMatchObject({ kind: 'CLIENT', parentSpanId: request.spanId, attributes: { 'db.system': system } });
    expect(JSON.stringify(span)).not.toContain('swordfish');
  }
  expect(statements.find((span) => span.name === 'db INSERT')!.attributes['db.statement']).toBe('INSERT INTO notes (body) VALUES ($1)');
  const failed = statements.find((span) => String(span.attributes['db.statement']).includes('no_such_column'))!;
  expect(failed).toMatchObject({ status: 'ERROR', statusMessage: '42703' });
  // The count(*) ran outside any request: no trace of its own.
  expect(tracing.recent.traces(100).map((trace) => trace.traceId)).toEqual([traceId]);
}
