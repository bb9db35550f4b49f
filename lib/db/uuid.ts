const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a UUID string. Every entity id is a UUID: an id that is not one cannot exist, and comparing it
 * with a uuid column would make Postgres fail the whole statement (a DataLoader batch) instead of finding nothing.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
