import { badUserInput } from './errors.js';

// 20 by default and 100 at most: a page a screen can show, and a bound on one request's cost.
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<TCursor> {
  limit: number;
  after: TCursor | null;
}

/** Validates first/after; the cursor is opaque to clients (base64url JSON of the sort key). */
export function readPageArgs<TCursor>(args: PageArgs, isCursor: (value: unknown) => value is TCursor): Page<TCursor> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, { field: 'first' });
  }
  if (!args.after) return { limit: first, after: null };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!isCursor(decoded)) throw badUserInput('after is not a cursor from this connection', { field: 'after' });
  return { limit: first, after: decoded };
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * Builds a Relay connection from rows fetched with limit + 1 (the extra row tells whether a next page exists).
 */
export function toConnection<TRow>(rows: TRow[], limit: number, cursorOf: (row: TRow) => unknown, totalCount?: number) {
  const hasNextPage = rows.length > limit;
  const pageRows = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = pageRows.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    nodes: pageRows,
    totalCount: totalCount ?? null,
    pageInfo: {
      hasNextPage,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
