/**
 * A service's Postgres schema: DB_SCHEMA_PREFIX + service. The prefix lets CI give every run
 * a fresh set of schemas in one shared database without touching another run's data.
 */
export function serviceSchemaName(service: string): string {
  const prefix = process.env.DB_SCHEMA_PREFIX ?? '';
  const name = `${prefix}${service}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`DB_SCHEMA_PREFIX + service must be a lower-case SQL identifier, got "${name}"`);
  }
  return name;
}
