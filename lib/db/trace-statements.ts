import type { PGlite, Transaction } from '@electric-sql/pglite';
import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type pg from 'pg';
import { tracerOf } from '../telemetry/tracer-of.js';

const tracer = () => tracerOf('dnd-tools/db');

// 200 characters: enough to recognise a statement (its verb, table and first columns) without each span carrying
// a multi-kilobyte INSERT. Only the text with its $n placeholders: parameter values never reach a span.
const MAX_STATEMENT = 200;

/**
 * A CLIENT span for one statement, or undefined when no recording span is active: a statement outside a traced
 * request (a consumer's poll, a migration) would otherwise start a trace of its own every few milliseconds and
 * push the requests out of the kept traces; and with tracing off or the request sampled out this costs one lookup.
 */
function statementSpan(system: 'pglite' | 'postgresql', text: string): Span | undefined {
  if (!trace.getActiveSpan()?.isRecording()) return undefined;
  const trimmed = text.trimStart();
  const space = trimmed.search(/\s/);
  const operation = (space === -1 ? trimmed : trimmed.slice(0, space)).toUpperCase();
  return tracer().startSpan(`db ${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system': system, 'db.operation.name': operation, 'db.statement': trimmed.slice(0, MAX_STATEMENT) },
  });
}

/** Ends the span with the outcome; a failure names its SQLSTATE, not its message (which may quote row values). */
function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    span.setStatus({ code: SpanStatusCode.ERROR, message: code });
  }
  span.end();
}

async function traced<T>(system: 'pglite' | 'postgresql', text: string, run: () => Promise<T>): Promise<T> {
  const span = statementSpan(system, text);
  if (!span) return run();
  try {
    const result = await run();
    endSpan(span);
    return result;
  } catch (err) {
    endSpan(span, err);
    throw err;
  }
}

function traceTransaction(tx: Transaction): Transaction {
  // The transaction object's own closed getter and rollback stay reachable through the prototype.
  const wrapped = Object.create(tx) as Transaction;
  wrapped.query = (text, params, options) => traced('pglite', text, () => tx.query(text, params, options));
  wrapped.exec = (text, options) => traced('pglite', text, () => tx.exec(text, options));
  return wrapped;
}

/** Every statement drizzle sends through this PGlite (inside transactions too) becomes a span of the active request. */
export function tracePglite(client: PGlite): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (text, params, options) => traced('pglite', text, () => query(text, params, options));
  client.exec = (text, options) => traced('pglite', text, () => exec(text, options));
  client.transaction = (callback) => transaction((tx) => callback(traceTransaction(tx)));
}

function statementText(first: unknown): string | undefined {
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && 'text' in first && typeof first.text === 'string') return first.text;
  return undefined;
}

/**
 * Traces one query method of pg's, promise or callback form. pool.query is wrapped where it is called, in the
 * request's context (a pool queueing for a connection calls back from whichever request released one); a checked-out
 * client (a transaction's) only in promise form, the form pool.query never uses internally, so no statement is
 * counted twice.
 */
function tracePgQuery(target: { query: unknown }, withCallbacks: boolean): void {
  const query = target.query as (...args: unknown[]) => unknown;
  target.query = (...args: unknown[]): unknown => {
    const text = statementText(args[0]);
    const last = args[args.length - 1];
    if (text === undefined || (typeof last === 'function' && !withCallbacks)) return Reflect.apply(query, target, args);
    const span = statementSpan('postgresql', text);
    if (!span) return Reflect.apply(query, target, args);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, ...rest: unknown[]): unknown => {
        endSpan(span, err ?? undefined);
        return Reflect.apply(last as (...args: unknown[]) => unknown, undefined, [err, ...rest]);
      };
      return Reflect.apply(query, target, args);
    }
    return (Reflect.apply(query, target, args) as Promise<unknown>).then(
      (result) => {
        endSpan(span);
        return result;
      },
      (err: unknown) => {
        endSpan(span, err);
        throw err;
      },
    );
  };
}

/** Every statement sent through this pool, or through a client checked out of it, becomes a span of the active request. */
export function tracePgPool(pool: pg.Pool): void {
  tracePgQuery(pool, true);
  pool.on('connect', (client) => tracePgQuery(client, false));
}
