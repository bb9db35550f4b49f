import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database.js';
import { abortBranch, commitBranch, prepareBranch } from './branch-protocol.js';
import { guardResources } from './reservations.js';
import { counterParticipant, openTransactionTestDatabase } from './testing/counter-participant.js';
import { testCounters, txBranches, txReservations, type TestSchema } from './testing/schema.js';

let database: Database<TestSchema>;
beforeAll(async () => {
  database = await openTransactionTestDatabase();
});
afterAll(() => database.close());

const conflict = { kind: 'CONFLICT' };

function setUp() {
  const { participant, calls } = counterParticipant();
  const db = database.db;
  const counter = `c-${randomUUID()}`;
  return {
    calls,
    counter,
    prepare: (transactionId: string, payload: Record<string, unknown> = {}) =>
      prepareBranch(db, participant, {
        transactionId,
        operation: 'add',
        payload: { counter, amount: 5, ...payload },
        actor: 'alice',
        deadline: new Date(Date.now() + 60_000),
      }),
    commit: (transactionId: string) => commitBranch(db, participant, transactionId),
    abort: (transactionId: string) => abortBranch(db, participant, transactionId),
    branch: async (transactionId: string) => (await db.select().from(txBranches).where(eq(txBranches.transactionId, transactionId)))[0],
    reservations: () =>
      db
        .select()
        .from(txReservations)
        .where(eq(txReservations.resource, `counter:${counter}`)),
    value: async () => (await db.select().from(testCounters).where(eq(testCounters.name, counter)))[0]?.value,
  };
}

describe('prepareBranch', () => {
  it('a duplicate prepare answers what the first one found and reserves once', async () => {
    const t = setUp();
    const id = randomUUID();
    const first = await t.prepare(id);
    expect(first).toEqual({ transactionId: id, state: 'PREPARED', prepared: { before: 0 } });
    expect(await t.prepare(id)).toEqual(first);
    expect(t.calls.prepare).toBe(1);
    expect(await t.reservations()).toEqual([expect.objectContaining({ transactionId: id })]);
    expect(await t.branch(id)).toMatchObject({ operation: 'add', state: 'PREPARED', actor: 'alice', payload: { counter: t.counter, amount: 5 } });
  });

  it('a failing prepare leaves nothing (no branch, no reservation, no staged work); a later abort writes the fence', async () => {
    const t = setUp();
    const id = randomUUID();
    await expect(t.prepare(id, { fail: true })).rejects.toMatchObject({ kind: 'INVALID_INPUT' });
    expect(await t.branch(id)).toBeUndefined();
    expect(await t.reservations()).toEqual([]);
    expect(await t.value()).toBeUndefined();
    expect(await t.abort(id)).toEqual({ transactionId: id, state: 'ABORTED', prepared: null });
    expect(await t.branch(id)).toMatchObject({ state: 'ABORTED', operation: null, payload: null });
    expect(t.calls.abort).toBe(0);
  });

  it('an abort that arrives before its prepare succeeds and fences it: the late prepare is a CONFLICT and reserves nothing', async () => {
    const t = setUp();
    const id = randomUUID();
    expect(await t.abort(id)).toMatchObject({ state: 'ABORTED' });
    expect(await t.branch(id)).toMatchObject({ state: 'ABORTED', operation: null });
    await expect(t.prepare(id)).rejects.toMatchObject(conflict);
    expect(t.calls.prepare).toBe(0);
    expect(await t.reservations()).toEqual([]);
    expect(await t.value()).toBeUndefined();
  });
});

describe('commitBranch and abortBranch', () => {
  it('commit applies the work once; a duplicate commit is a no-op', async () => {
    const t = setUp();
    const id = randomUUID();
    await t.prepare(id);
    expect(await t.commit(id)).toEqual({ transactionId: id, state: 'COMMITTED', prepared: { before: 0 } });
    expect(await t.commit(id)).toMatchObject({ state: 'COMMITTED' });
    expect(t.calls.commit).toBe(1);
    expect(await t.value()).toBe(5);
    expect(await t.reservations()).toEqual([]);
  });

  it('two commits of one branch at once apply the work once, both acknowledge, and only that branch is released', async () => {
    const t = setUp();
    const other = setUp();
    const id = randomUUID();
    const held = randomUUID();
    await t.prepare(id);
    await other.prepare(held);
    expect(await Promise.all([t.commit(id), t.commit(id)])).toEqual([
      { transactionId: id, state: 'COMMITTED', prepared: { before: 0 } },
      { transactionId: id, state: 'COMMITTED', prepared: { before: 0 } },
    ]);
    expect(t.calls.commit).toBe(1);
    expect(await t.value()).toBe(5);
    expect(await t.reservations()).toEqual([]);
    expect(await other.reservations()).toEqual([expect.objectContaining({ transactionId: held })]);
    expect(await t.branch(id)).toMatchObject({ state: 'COMMITTED' });
  });

  it('abort undoes once; a duplicate abort is a no-op', async () => {
    const t = setUp();
    const id = randomUUID();
    await t.prepare(id);
    expect(await t.abort(id)).toMatchObject({ state: 'ABORTED' });
    expect(await t.abort(id)).toMatchObject({ state: 'ABORTED' });
    expect(t.calls.abort).toBe(1);
    expect(await t.reservations()).toEqual([]);
  });

  it('commit after abort, abort after commit and commit without a branch are CONFLICTs', async () => {
    const t = setUp();
    const aborted = randomUUID();
    await t.prepare(aborted);
    await t.abort(aborted);
    await expect(t.commit(aborted)).rejects.toMatchObject(conflict);
    const committed = randomUUID();
    await t.prepare(committed);
    await t.commit(committed);
    await expect(t.abort(committed)).rejects.toMatchObject(conflict);
    await expect(t.commit(randomUUID())).rejects.toMatchObject(conflict);
    expect(await t.value()).toBe(5);
    expect(t.calls).toEqual({ prepare: 2, commit: 1, abort: 1 });
  });
});

describe('reservations', () => {
  it('a second transaction on a reserved resource is a CONFLICT naming the holder, until the holder commits or aborts', async () => {
    const t = setUp();
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    await t.prepare(first);
    await expect(t.prepare(second)).rejects.toMatchObject({ kind: 'CONFLICT', details: { transactionId: first, resource: `counter:${t.counter}` } });
    expect(await t.branch(second)).toBeUndefined();
    await t.commit(first);
    expect(await t.prepare(second)).toMatchObject({ state: 'PREPARED', prepared: { before: 5 } });
    await expect(t.prepare(third)).rejects.toMatchObject(conflict);
    await t.abort(second);
    expect(await t.prepare(third)).toMatchObject({ state: 'PREPARED' });
  });

  it('of concurrent prepares on one resource exactly one reserves it', async () => {
    const t = setUp();
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => t.prepare(randomUUID())));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject(conflict);
    expect(await t.reservations()).toHaveLength(1);
  });

  it('guardResources refuses an ordinary write while a branch holds the resource, and leaves no row of its own', async () => {
    const t = setUp();
    const id = randomUUID();
    const write = () => database.db.transaction((tx) => guardResources(tx, [`counter:${t.counter}`, 'something-else']));
    await t.prepare(id);
    await expect(write()).rejects.toMatchObject({ kind: 'CONFLICT', details: { transactionId: id } });
    await t.commit(id);
    await expect(write()).resolves.toBeUndefined();
    expect(await t.reservations()).toEqual([]);
    expect(await database.db.select().from(txReservations).where(eq(txReservations.resource, 'something-else'))).toEqual([]);
  });
});
