import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { eventually, FakeParticipants, sleep, workflowOver } from './testing/fake-participants.js';
import { coordinatorHarness, type CoordinatorOptions } from './testing/coordinator-harness.js';
import { TransactionLog } from './transaction-log.js';

const harness = coordinatorHarness();

const coordinator = (participants: FakeParticipants, options?: CoordinatorOptions) => harness.coordinator(participants, options);

/** What a hub killed mid-transaction leaves in its log: the transaction, its branches, how far each got. */
async function leftBehind(branches: Array<[service: string, state: 'PREPARED' | 'COMMITTED']>, deadlineMs = 60_000): Promise<string> {
  const id = randomUUID();
  await harness.log.begin({ id, workflow: 'test', initiator: 'alice', deadline: new Date(Date.now() + deadlineMs) });
  for (const [step, [service, state]] of branches.entries()) {
    await harness.log.addBranch(id, service, `do-${service}`, step);
    await harness.log.recordAttempt(id, service, null, 'PREPARED', null);
    if (state === 'COMMITTED') await harness.log.recordAttempt(id, service, null, 'COMMITTED');
  }
  return id;
}

const finished = (id: string) => async () => ['COMMITTED', 'ABORTED'].includes((await harness.log.get(id))?.state ?? '');

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
    expect(await harness.log.decideCommit(committing, { ok: true })).toBe(true);
    const aborting = await leftBehind([['a', 'PREPARED']]);
    expect(await harness.log.decideAbort(aborting, 'a prepare was refused')).toBe(true);

    const participants = new FakeParticipants();
    await coordinator(participants).recover();
    for (const id of [active, committing, aborting]) await eventually(finished(id));

    expect(await harness.log.get(active)).toMatchObject({ state: 'ABORTED', lastError: expect.stringContaining('restarted') });
    expect(await harness.log.get(committing)).toMatchObject({ state: 'COMMITTED', result: { ok: true } });
    expect(await harness.log.get(aborting)).toMatchObject({ state: 'ABORTED', lastError: 'a prepare was refused' });
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
    expect((await harness.log.get(id))?.state).toBe('ACTIVE');
    release();
    await expect(running).resolves.toEqual({ transactionId: id, result: { value: 'v', transactionId: id } });
    expect(await harness.log.get(id)).toMatchObject({ state: 'COMMITTED' });
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
    const hub = coordinator(participants, { log: new SlowDecider(harness.database.db), timeoutMs: 300 });
    const error = await hub.execute(workflowOver(['a', 'b']), { value: 'v' }, 'alice').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    const id = (error as GraphQLError).extensions.transactionId as string;
    await eventually(finished(id));
    expect(await harness.log.get(id)).toMatchObject({ state: 'ABORTED', result: null });
    expect(participants.calls.filter((call) => call.startsWith('commit'))).toEqual([]);
  });
});

describe('TransactionLog decisions', () => {
  it('decideCommit and decideAbort exclude each other, and no commit is decided past the deadline', async () => {
    const raced = await leftBehind([['a', 'PREPARED']]);
    const outcomes = await Promise.all([harness.log.decideCommit(raced, null), harness.log.decideAbort(raced, 'timeout')]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await harness.log.get(raced))?.state).toBe(outcomes[0] ? 'COMMITTING' : 'ABORTING');

    const aborted = await leftBehind([['a', 'PREPARED']]);
    expect(await harness.log.decideAbort(aborted, 'timeout')).toBe(true);
    expect(await harness.log.decideCommit(aborted, null)).toBe(false);
    const committed = await leftBehind([['a', 'PREPARED']]);
    expect(await harness.log.decideCommit(committed, null)).toBe(true);
    expect(await harness.log.decideAbort(committed, 'too late')).toBe(false);
    const expired = await leftBehind([['a', 'PREPARED']], -1_000);
    expect(await harness.log.decideCommit(expired, null)).toBe(false);
    expect((await harness.log.get(expired))?.state).toBe('ACTIVE');
  });
});
