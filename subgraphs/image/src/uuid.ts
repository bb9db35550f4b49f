const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID string. Ids that are not UUIDs cannot exist, and Postgres would reject them in a uuid comparison. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
