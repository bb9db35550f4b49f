import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/open-database.js';
import type { schema } from '../db/schema.js';
import { TransactionCoordinator } from './coordinator.js';
import { eventually, FakeParticipants, openHubTestDatabase, sleep, workflowOver } from './testing/fake-participants.js';
import { TransactionLog } from './transaction-log.js';

// Milliseconds, not the production 100 ms to 10 s: a retried phase two finishes within the test.
const FAST_BACKOFF = { initialDelayMs: 5, maxDelayMs: 20 };

let database: Database<typeof schema>;
let log: TransactionLog;
const coordinators: TransactionCoordinator[] = [];
beforeAll(async () => {
  database = await openHubTestDatabase();
  log = new TransactionLog(database.db);
});
afterEach(async () => {
  await Promise.all(coordinators.splice(0).map((coordinator) => coordinator.stop()));
});
afterAll(() => database.close());

function coordinator(participants: FakeParticipants, options: { log?: TransactionLog; timeoutMs?: number } = {}) {
  const created = new TransactionCoordinator({ log: options.log ?? log, participants, timeoutMs: options.timeoutMs ?? 10_000, backoff: FAST_BACKOFF });
  coordinators.push(created);
  return created;
}

/** What a hub killed mid-transaction leaves in its log: the transaction, its branches, how far each got. */
async function leftBehind(branches: Array<[service: string, state: 'PREPARED' | 'COMMITTED']>, deadlineMs = 60_000): Promise<string> {
  const id = randomUUID();
  await log.begin({ id, workflow: 'test', initiator: 'alice', deadline: new Date(Date.now() + deadlineMs) });
  for (const [step, [service, state]] of branches.entries()) {
    await log.addBranch(id, service, `do-${service}`, step);
    await log.recordAttempt(id, service, null, 'PREPARED', null);
    if (state === 'COMMITTED') await log.recordAttempt(id, service, null, 'COMMITTED');
  }
  return id;
}

const finished = (id: string) => async () => ['COMMITTED', 'ABORTED'].includes((await log.get(id))?.state ?? '');

describe('TransactionCoordinator.recover', () => {
  it('aborts an ACTIVE transaction of a previous process and finishes COMMITTING and ABORTING ones', async () => {
    const active = await leftBehind([
      ['a', 'PREPARED'],
      ['b', 'PREPARED'],
    ]);
    const committing = await leftBehind([
      ['a', 'COMMITTED'],
      ['b', 'PREPARED'],
    ]);
    expect(await log.decideCommit(committing, { ok: true })).toBe(true);
    const aborting = await leftBehind([['a', 'PREPARED']]);
    expect(await log.decideAbort(aborting, 'a prepare was refused')).toBe(true);

    const participants = new FakeParticipants();
    await coordinator(participants).recover();
    for (const id of [active, committing, aborting]) await eventually(finished(id));

    expect(await log.get(active)).toMatchObject({ state: 'ABORTED', lastError: expect.stringContaining('restarted') });
    expect(await log.get(committing)).toMatchObject({ state: 'COMMITTED', result: { ok: true } });
    expect(await log.get(aborting)).toMatchObject({ state: 'ABORTED', lastError: 'a prepare was refused' });
    // The branch that had already committed is not asked again; nothing of the ACTIVE one is committed.
    expect(participants.calls.filter((call) => call.startsWith('commit'))).toEqual(['commit b']);
    expect(participants.calls.filter((call) => call.startsWith('abort')).sort()).toEqual(['abort a', 'abort a', 'abort b']);
  });

  it('leaves alone a transaction this process is still preparing within its deadline', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const participants = new FakeParticipants(async ({ phase, service }) => {
      if (phase === 'prepare' && service === 'slow') await held;
      return null;
    });
    const hub = coordinator(participants);
    const running = hub.execute(workflowOver(['slow']), { value: 'v' }, 'alice');
    await eventually(async () => participants.calls.includes('prepare slow'));
    await hub.recover();
    const id = participants.prepareCalls[0]!.transactionId;
    expect((await log.get(id))?.state).toBe('ACTIVE');
    release();
    await expect(running).resolves.toEqual({ transactionId: id, result: { value: 'v', transactionId: id } });
    expect(await log.get(id)).toMatchObject({ state: 'COMMITTED' });
  });

  it('a commit decision and a timeout abort never both win: the sweeper aborts, the late decideCommit loses', async () => {
    const participants = new FakeParticipants();
    // The decision arrives just after the deadline: the sweeper runs first and aborts.
    class SlowDecider extends TransactionLog {
      override async decideCommit(transactionId: string, result: unknown): Promise<boolean> {
        const row = await this.get(transactionId);
        await sleep(Math.max(0, (row?.deadline.getTime() ?? 0) - Date.now()) + 20);
        await hub.recover();
        return super.decideCommit(transactionId, result);
      }
    }
    const hub = coordinator(participants, { log: new SlowDecider(database.db), timeoutMs: 300 });
    const error = await hub.execute(workflowOver(['a', 'b']), { value: 'v' }, 'alice').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    const id = (error as GraphQLError).extensions.transactionId as string;
    await eventually(finished(id));
    expect(await log.get(id)).toMatchObject({ state: 'ABORTED', result: null });
    expect(participants.calls.filter((call) => call.startsWith('commit'))).toEqual([]);
  });
});

describe('TransactionLog decisions', () => {
  it('decideCommit and decideAbort exclude each other, and no commit is decided past the deadline', async () => {
    const raced = await leftBehind([['a', 'PREPARED']]);
    const outcomes = await Promise.all([log.decideCommit(raced, null), log.decideAbort(raced, 'timeout')]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await log.get(raced))?.state).toBe(outcomes[0] ? 'COMMITTING' : 'ABORTING');

    const aborted = await leftBehind([['a', 'PREPARED']]);
    expect(await log.decideAbort(aborted, 'timeout')).toBe(true);
    expect(await log.decideCommit(aborted, null)).toBe(false);
    const committed = await leftBehind([['a', 'PREPARED']]);
    expect(await log.decideCommit(committed, null)).toBe(true);
    expect(await log.decideAbort(committed, 'too late')).toBe(false);
    const expired = await leftBehind([['a', 'PREPARED']], -1_000);
    expect(await log.decideCommit(expired, null)).toBe(false);
    expect((await log.get(expired))?.state).toBe('ACTIVE');
  });
});
