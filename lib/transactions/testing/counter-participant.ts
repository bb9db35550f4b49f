import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openTestDatabase } from '../../../tests/helpers/test-database.js';
import type { Transaction } from '../../event-store/executor.js';
import { invalidInput } from '../../domain/domain-error.js';
import { defineOperation, type Participant } from '../participant.js';
import { testCounters, testSchema, type TestSchema } from './schema.js';

export const testMigrations = path.join(path.dirname(fileURLToPath(import.meta.url)), 'drizzle');

/** A throw-away database with the participant tables and the counters (in-memory PGlite, or a schema on DATABASE_URL). */
export function openTransactionTestDatabase() {
  return openTestDatabase('transactions', testSchema, testMigrations);
}

const addPayload = z.object({ counter: z.string(), amount: z.number().int(), fail: z.boolean().optional() });
type AddPayload = z.infer<typeof addPayload>;

/** How often each step of the operation actually ran: the protocol must run prepare, commit and abort once each. */
export interface Calls {
  prepare: number;
  commit: number;
  abort: number;
}

/**
 * The smallest participant that shows what the protocol does: `add` reserves `counter:<name>`, creates the counter
 * at prepare (staged work a failed prepare must roll back), answers its value, and adds the amount at commit.
 * `fail: true` makes prepare throw after staging.
 */
export function counterParticipant(): { participant: Participant<TestSchema>; calls: Calls } {
  const calls: Calls = { prepare: 0, commit: 0, abort: 0 };
  const add = defineOperation<TestSchema, AddPayload, { before: number }>({
    parse(payload) {
      const parsed = addPayload.safeParse(payload);
      if (!parsed.success) throw invalidInput('invalid add payload');
      return parsed.data;
    },
    resources: (payload) => [`counter:${payload.counter}`],
    async prepare(tx: Transaction<TestSchema>, payload) {
      calls.prepare++;
      await tx.insert(testCounters).values({ name: payload.counter, value: 0 }).onConflictDoNothing();
      if (payload.fail) throw invalidInput(`adding to ${payload.counter} is refused`);
      const [row] = await tx.select().from(testCounters).where(eq(testCounters.name, payload.counter));
      return { before: row?.value ?? 0 };
    },
    async commit(tx: Transaction<TestSchema>, payload) {
      calls.commit++;
      await tx
        .update(testCounters)
        .set({ value: sql`${testCounters.value} + ${payload.amount}` })
        .where(eq(testCounters.name, payload.counter));
    },
    async abort() {
      calls.abort++;
    },
  });
  return { participant: { add }, calls };
}
