import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { prepareBranch } from './branch-protocol.js';
import { resolveInDoubt, type HubVerdict } from './resolve-in-doubt.js';
import { counterParticipant, openTransactionTestDatabase } from './testing/counter-participant.js';
import { testCounters, txBranches, txReservations, type TestSchema } from './testing/schema.js';

let database: Database<TestSchema>;
beforeAll(async () => {
  database = await openTransactionTestDatabase();
});
afterAll(() => database.close());

// 10 s: the grace the test passes; "old" branches are a minute past their deadline, "fresh" ones within the grace.
const GRACE_MS = 10_000;

describe('resolveInDoubt', () => {
  it('commits, aborts or leaves each old prepared branch as the hub says, and never asks about fresh ones', async () => {
    const { participant, calls } = counterParticipant();
    const db = database.db;
    const now = Date.now();
    const branch = async (counter: string, deadlineMs: number) => {
      const transactionId = randomUUID();
      await prepareBranch(db, participant, {
        transactionId,
        operation: 'add',
        payload: { counter, amount: 3 },
        actor: 'alice',
        deadline: new Date(deadlineMs),
      });
      return transactionId;
    };
    const counters = {
      commit: `c-${randomUUID()}`,
      abort: `a-${randomUUID()}`,
      wait: `w-${randomUUID()}`,
      fresh: `f-${randomUUID()}`,
      recent: `r-${randomUUID()}`,
    };
    const ids = {
      commit: await branch(counters.commit, now - 60_000),
      abort: await branch(counters.abort, now - 60_000),
      wait: await branch(counters.wait, now - 60_000),
      // Not yet at its deadline, and past it but still within the grace: the hub's own phase two is due.
      fresh: await branch(counters.fresh, now + 60_000),
      recent: await branch(counters.recent, now - GRACE_MS / 2),
    };
    const verdicts: Record<string, HubVerdict> = { [ids.commit]: 'COMMIT', [ids.abort]: 'ABORT', [ids.wait]: 'WAIT' };
    const asked: string[] = [];
    const askHub = async (transactionId: string): Promise<HubVerdict> => {
      asked.push(transactionId);
      const verdict = verdicts[transactionId];
      if (!verdict) throw new Error(`asked about ${transactionId}, which is not in doubt`);
      return verdict;
    };

    const result = await resolveInDoubt(db, participant, { askHub, graceMs: GRACE_MS, now: new Date(now) });
    expect(result).toEqual({ committed: [ids.commit], aborted: [ids.abort], failed: [] });
    expect(asked.sort()).toEqual([ids.commit, ids.abort, ids.wait].sort());

    const states = Object.fromEntries(
      (
        await db
          .select()
          .from(txBranches)
          .where(inArray(txBranches.transactionId, Object.values(ids)))
      ).map((row) => [row.transactionId, row.state]),
    );
    expect(states).toEqual({ [ids.commit]: 'COMMITTED', [ids.abort]: 'ABORTED', [ids.wait]: 'PREPARED', [ids.fresh]: 'PREPARED', [ids.recent]: 'PREPARED' });
    expect((await db.select().from(testCounters).where(eq(testCounters.name, counters.commit)))[0]?.value).toBe(3);
    const held = (
      await db
        .select()
        .from(txReservations)
        .where(inArray(txReservations.transactionId, Object.values(ids)))
    ).map((row) => row.transactionId);
    expect(held.sort()).toEqual([ids.wait, ids.fresh, ids.recent].sort());
    expect(calls).toMatchObject({ commit: 1, abort: 1 });

    // Once the hub decides the waiting one, the next round settles it; settled branches are not asked about again.
    verdicts[ids.wait] = 'ABORT';
    asked.length = 0;
    expect(await resolveInDoubt(db, participant, { askHub, graceMs: GRACE_MS, now: new Date(now) })).toEqual({
      committed: [],
      aborted: [ids.wait],
      failed: [],
    });
    expect(asked).toEqual([ids.wait]);
  });

  it('a failing hub call leaves that branch prepared for the next round and does not hold up the others', async () => {
    const { participant } = counterParticipant();
    const transactionId = randomUUID();
    const other = randomUUID();
    for (const id of [transactionId, other]) {
      await prepareBranch(database.db, participant, {
        transactionId: id,
        operation: 'add',
        payload: { counter: `x-${id}`, amount: 1 },
        actor: null,
        deadline: new Date(Date.now() - 60_000),
      });
    }
    const unreachable = async (id: string): Promise<HubVerdict> => {
      if (id === transactionId) throw new Error('hub unreachable');
      return 'ABORT';
    };
    const round = await resolveInDoubt(database.db, participant, { askHub: unreachable, graceMs: GRACE_MS });
    expect(round.failed).toEqual([{ transactionId, error: 'hub unreachable' }]);
    expect(round.aborted).toContain(other);
    expect((await database.db.select().from(txBranches).where(eq(txBranches.transactionId, transactionId)))[0]?.state).toBe('PREPARED');
    await resolveInDoubt(database.db, participant, { askHub: async () => 'COMMIT', graceMs: GRACE_MS });
    expect((await database.db.select().from(txBranches).where(eq(txBranches.transactionId, transactionId)))[0]?.state).toBe('COMMITTED');
  });
});
