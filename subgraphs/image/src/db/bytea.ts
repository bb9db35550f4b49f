import { customType } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL bytea as a Node Buffer. drizzle has no built-in bytea; the two drivers also disagree on what they
 * return (node-postgres: Buffer; PGlite: Uint8Array), so reads are normalised here and nothing above this file
 * needs to care which driver is in use.
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});
