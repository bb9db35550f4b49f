import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { eventually, FakeParticipants, sleep, workflowOver, type Script } from './testing/fake-participants.js';
import { coordinatorHarness } from './testing/coordinator-harness.js';
import { TransactionLog } from './transaction-log.js';

const harness = coordinatorHarness();

function coordinatorWith(script: Script, options: { timeoutMs?: number; answerWithinMs?: number } = {}) {
  const participants = new FakeParticipants(script);
  return { coordinator: harness.coordinator(participants, options), participants };
}

const together = (services: string[]) => ({ ...workflowOver(services), independent: true });

/** Resolves once `count` calls of the phase are in flight at the same time, so a script can prove they overlap. */
function meeting(count: number) {
  let arrived = 0;
  let open: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === count) open();
    await all;
  };
}

describe('TransactionCoordinator.execute, independent steps', () => {
  it('sends the prepares together, then the commits together, and logs every branch as the sequential path does', async () => {
    // Each call waits for its sibling to be in flight too: run one after the other, these would never return.
    const prepares = meeting(2);
    const commits = meeting(2);
    const { coordinator, participants } = coordinatorWith(async ({ phase, service }) => {
      if (phase === 'prepare') await prepares();
      if (phase === 'commit') await commits();
      return phase === 'prepare' ? { found: service } : null;
    });
    const { transactionId, result } = await coordinator.execute(together(['image', 'character']), { value: 'v' }, 'alice');

    expect(result).toEqual({ value: 'v', transactionId });
    expect(participants.calls).toEqual(['prepare image', 'prepare character', 'commit image', 'commit character']);
    // No step sees another's prepare: there is none yet when the payloads are built.
    expect(participants.prepareCalls.map((call) => call.payload)).toEqual([
      { value: 'v', before: {} },
      { value: 'v', before: {} },
    ]);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'COMMITTED', result, lastError: null });
    const branches = await harness.log.branches([transactionId]);
    expect(branches.map((b) => [b.step, b.service, b.state, b.attempts, b.lastError, b.prepared])).toEqual([
      [0, 'image', 'COMMITTED', 2, null, { found: 'image' }],
      [1, 'character', 'COMMITTED', 2, null, { found: 'character' }],
    ]);
    expect(branches.every((b) => b.preparedAt instanceof Date && b.finishedAt instanceof Date)).toBe(true);
  });

  it('a refused prepare aborts every branch at once, the one still preparing included, and its late answer writes nothing', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { coordinator, participants } = coordinatorWith(async ({ phase, service }) => {
      if (phase === 'prepare' && service === 'slow') await held;
      if (phase === 'prepare' && service === 'refusing') throw new GraphQLError('not your character', { extensions: { code: 'FORBIDDEN' } });
      return phase === 'prepare' ? { found: service } : null;
    });
    const error = await coordinator.execute(together(['slow', 'refusing']), { value: 'v' }, 'mallory').catch((err: unknown) => err as GraphQLError);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'FORBIDDEN', transactionId: expect.any(String) });
    const transactionId = (error as GraphQLError).extensions.transactionId as string;

    // The answer did not wait for the slow prepare: both aborts went out while it was still running.
    expect(participants.calls.slice(0, 2)).toEqual(['prepare slow', 'prepare refusing']);
    expect(participants.calls.slice(2).sort()).toEqual(['abort refusing', 'abort slow']);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'ABORTED', lastError: 'not your character' });

    release();
    await sleep(50);
    expect(participants.calls.filter((call) => call.startsWith('commit'))).toEqual([]);
    const branches = await harness.log.branches([transactionId]);
    expect(branches.map((b) => [b.service, b.state, b.prepared])).toEqual([
      ['slow', 'ABORTED', null],
      ['refusing', 'ABORTED', null],
    ]);
  });

  it('a prepare refused before the log write sent with the prepares has landed still aborts every branch', async () => {
    class SlowBegin extends TransactionLog {
      override async begin(...args: Parameters<TransactionLog['begin']>): Promise<void> {
        await sleep(150);
        return super.begin(...args);
      }
    }
    const participants = new FakeParticipants(({ phase, service }) => {
      if (phase === 'prepare' && service === 'refusing') throw new GraphQLError('campaign archived', { extensions: { code: 'CONFLICT' } });
      return null;
    });
    const coordinator = harness.coordinator(participants, { log: new SlowBegin(harness.database.db) });
    const error = await coordinator.execute(together(['ok', 'refusing']), { value: 'v' }, 'alice').catch((err: unknown) => err as GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'CONFLICT' });
    const transactionId = (error as GraphQLError).extensions.transactionId as string;
    expect(participants.calls.slice(2).sort()).toEqual(['abort ok', 'abort refusing']);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'ABORTED', lastError: 'campaign archived' });
    expect((await harness.log.branches([transactionId])).map((b) => [b.service, b.state])).toEqual([
      ['ok', 'ABORTED'],
      ['refusing', 'ABORTED'],
    ]);
  });

  it('a prepare slower than the deadline aborts all branches with reason TIMEOUT', async () => {
    const { coordinator, participants } = coordinatorWith(
      async ({ phase, service }) => {
        if (phase === 'prepare' && service === 'slow') await sleep(800);
        return null;
      },
      { timeoutMs: 300 },
    );
    const started = Date.now();
    const error = await coordinator.execute(together(['fast', 'slow']), { value: 'v' }, 'alice').catch((err: unknown) => err as GraphQLError);
    expect(Date.now() - started).toBeLessThan(800);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    const transactionId = (error as GraphQLError).extensions.transactionId as string;
    expect(participants.calls.slice(2).sort()).toEqual(['abort fast', 'abort slow']);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'ABORTED' });
  });

  it('a hub stopped after the decision, one commit landed and one failing, is committed fully by the next hub', async () => {
    let down = true;
    const first = coordinatorWith(
      ({ phase, service }) => {
        if (phase === 'commit' && service === 'character' && down) throw new Error('connection refused');
        return null;
      },
      { answerWithinMs: 200 },
    );
    const { transactionId } = await first.coordinator.execute(together(['image', 'character']), { value: 'v' }, 'alice');
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'COMMITTING', lastError: 'connection refused' });
    // The landed commit is in the log at once, not only at the end: the retrying transaction shows what it waits for.
    await eventually(async () => (await harness.log.branches([transactionId])).find((b) => b.service === 'image')?.state === 'COMMITTED');
    await first.coordinator.stop();
    const stopped = await harness.log.branches([transactionId]);
    expect(stopped.map((b) => [b.service, b.state])).toEqual([
      ['image', 'COMMITTED'],
      ['character', 'PREPARED'],
    ]);

    down = false;
    const second = coordinatorWith(() => null);
    await second.coordinator.recover();
    await eventually(async () => (await harness.log.get(transactionId))?.state === 'COMMITTED');
    // Only the branch that had not acknowledged is asked again; nothing is aborted.
    expect(second.participants.calls).toEqual(['commit character']);
    expect((await harness.log.branches([transactionId])).map((b) => [b.service, b.state, b.lastError])).toEqual([
      ['image', 'COMMITTED', null],
      ['character', 'COMMITTED', null],
    ]);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'COMMITTED', lastError: null });
  });
});
