/**
 * The column shapes several campaign tables share, so that a change to one (a timestamp's precision, the default
 * visibility) reaches every table. Each helper builds a fresh column: a drizzle column builder belongs to the one
 * table it is placed in.
 */
import { sql } from 'drizzle-orm';
import { check, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const VISIBILITIES = ['PUBLIC', 'PARTY', 'DM_ONLY'] as const;

/** A CHECK that keeps a text column inside its GraphQL enum, whichever client writes the row. */
export function oneOf(name: string, column: string, values: readonly string[]) {
  return check(name, sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`));
}

// Millisecond precision: JavaScript dates (and so keyset cursors) carry milliseconds; microseconds would make
// a cursor compare unequal to the row it came from.
export const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const recordedAt = (name: string) => moment(name).notNull().defaultNow();

export const generatedId = () => uuid('id').primaryKey().defaultRandom();

export const visibility = () => text('visibility', { enum: VISIBILITIES }).notNull().default('DM_ONLY');
