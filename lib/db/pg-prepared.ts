import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Distinct statement texts named per pool. A service sends a few dozen shapes (an `IN (...)` list adds one per
 * length, up to a page): 1,000 holds them all, and past it new texts go unnamed, so that a flood of distinct texts
 * cannot grow every connection's prepared statements (and Postgres's memory for their plans) without bound.
 */
const MAX_NAMED = 1000;

type QueryConfig = { text?: unknown; values?: unknown; name?: unknown; submit?: unknown };

/**
 * Sends every parameterised statement of this pool as a named prepared statement: node-postgres then parses it once
 * per connection and afterwards sends only Bind/Execute, and Postgres reuses its plan (a generic plan after five
 * runs, when it is no worse), instead of parsing and planning each statement again. The name is a hash of the text,
 * so one name never means two statements. Statements without parameters keep the simple protocol: a migration's
 * script may hold several commands, which a prepared statement cannot.
 */
export function preparePgPool(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `dnd_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]): unknown => {
      const [first, second] = args;
      // Both forms drizzle and our own code use: (config, values?) and (text, values).
      const config: QueryConfig | null = typeof first === 'string' ? { text: first } : (first as QueryConfig | null);
      const values = config?.values ?? (Array.isArray(second) ? second : undefined);
      if (
        typeof config === 'object' &&
        config !== null &&
        config.name === undefined &&
        typeof config.submit !== 'function' &&
        typeof config.text === 'string' &&
        Array.isArray(values) &&
        values.length > 0
      ) {
        const name = nameOf(config.text);
        if (name) args.splice(0, config.values === undefined ? 2 : 1, { ...config, values, name });
      }
      return Reflect.apply(query, client, args);
    }) as typeof client.query;
  });
}
