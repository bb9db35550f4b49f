/**
 * True when `error` (or what it wraps: drizzle wraps driver errors in DrizzleQueryError.cause) is PostgreSQL's
 * unique_violation (23505) on `constraint`. Both pg and PGlite report the SQLSTATE as `code` and the index as `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, constraint: name } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505') return name === constraint;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
