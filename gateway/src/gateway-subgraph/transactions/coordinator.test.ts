import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FakeParticipants, sleep, workflowOver, type Script } from './testing/fake-participants.js';
import { coordinatorHarness } from './testing/coordinator-harness.js';

const harness = coordinatorHarness();

function coordinatorWith(script: Script, timeoutMs = 10_000) {
  const participants = new FakeParticipants(script);
  return { coordinator: harness.coordinator(participants, { timeoutMs }), participants };
}

/** The error execute rejected with. */
async function failureOf(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe('TransactionCoordinator.execute', () => {
  it('prepares in step order (each step sees what earlier ones prepared), decides, commits in step order, and logs it all', async () => {
    const { coordinator, participants } = coordinatorWith(({ phase, service }) => (phase === 'prepare' ? { found: service } : null));
    const { transactionId, result } = await coordinator.execute(workflowOver(['campaign', 'skipped', 'character'], ['skipped']), { value: 'v' }, 'alice');

    expect(result).toEqual({ value: 'v', transactionId });
    expect(participants.calls).toEqual(['prepare campaign', 'prepare character', 'commit campaign', 'commit character']);
    expect(participants.prepareCalls[1]).toMatchObject({
      transactionId,
      operation: 'do-character',
      actor: 'alice',
      payload: { value: 'v', before: { campaign: { found: 'campaign' } } },
    });
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'COMMITTED', workflow: 'test', initiator: 'alice', result, lastError: null });
    const transaction = await harness.log.get(transactionId);
    expect(transaction?.decidedAt).toBeInstanceOf(Date);
    expect(transaction?.finishedAt).toBeInstanceOf(Date);
    const branches = await harness.log.branches([transactionId]);
    expect(branches.map((b) => [b.step, b.service, b.state, b.attempts, b.lastError])).toEqual([
      [0, 'campaign', 'COMMITTED', 2, null],
      [2, 'character', 'COMMITTED', 2, null],
    ]);
    expect(branches[0]?.prepared).toEqual({ found: 'campaign' });
    expect(branches.every((b) => b.preparedAt instanceof Date && b.finishedAt instanceof Date)).toBe(true);
  });

  it("a refused prepare aborts every logged branch and rethrows the participant's error with the transaction id", async () => {
    const { coordinator, participants } = coordinatorWith(({ phase, service }) => {
      if (phase === 'prepare' && service === 'b') throw new GraphQLError('not your character', { extensions: { code: 'FORBIDDEN', characterId: 'c-1' } });
      return null;
    });
    const error = await failureOf(coordinator.execute(workflowOver(['a', 'b', 'c']), { value: 'v' }, 'mallory'));
    expect(error.message).toBe('not your character');
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', characterId: 'c-1', transactionId: expect.any(String) });
    const transactionId = error.extensions.transactionId as string;

    // The refused branch is aborted too: its prepare may have landed after all (the participant's fence makes it safe).
    // The step never reached (c) is not: it was never logged, so nothing of it can exist.
    expect(participants.calls.slice(0, 2)).toEqual(['prepare a', 'prepare b']);
    expect(participants.calls.slice(2).sort()).toEqual(['abort a', 'abort b']);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'ABORTED', lastError: 'not your character' });
    const branches = await harness.log.branches([transactionId]);
    expect(branches.map((b) => [b.service, b.state, b.attempts])).toEqual([
      ['a', 'ABORTED', 2],
      ['b', 'ABORTED', 2],
    ]);
  });

  it('a prepare slower than the timeout aborts the transaction with reason TIMEOUT; the late answer changes nothing', async () => {
    const { coordinator, participants } = coordinatorWith(async ({ phase, service }) => {
      if (phase === 'prepare' && service === 'slow') await sleep(800);
      return null;
    }, 300);
    const started = Date.now();
    const error = await failureOf(coordinator.execute(workflowOver(['fast', 'slow']), { value: 'v' }, 'alice'));
    expect(Date.now() - started).toBeLessThan(800);
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    const transactionId = error.extensions.transactionId as string;
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'ABORTED' });
    expect(participants.calls.slice(0, 2)).toEqual(['prepare fast', 'prepare slow']);
    expect(participants.calls.slice(2).sort()).toEqual(['abort fast', 'abort slow']);

    await sleep(900);
    expect(participants.calls.filter((call) => call.startsWith('commit'))).toEqual([]);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'ABORTED' });
  });

  it('a commit that fails is retried with backoff until the participant acknowledges', async () => {
    const { coordinator, participants } = coordinatorWith(({ phase, service, attempt }) => {
      if (phase === 'commit' && service === 'flaky' && attempt <= 2) throw new Error(`connection refused (${attempt})`);
      return null;
    });
    const { transactionId } = await coordinator.execute(workflowOver(['steady', 'flaky']), { value: 'v' }, 'alice');
    expect(participants.calls).toEqual(['prepare steady', 'prepare flaky', 'commit steady', 'commit flaky', 'commit flaky', 'commit flaky']);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'COMMITTED', lastError: null });
    const flaky = (await harness.log.branches([transactionId])).find((branch) => branch.service === 'flaky');
    // One prepare and three commits; the failures are history once it acknowledged.
    expect(flaky).toMatchObject({ state: 'COMMITTED', attempts: 4, lastError: null });
  });

  it('an abort that fails is retried without holding up the other branches, and the transaction keeps its reason', async () => {
    const { coordinator, participants } = coordinatorWith(({ phase, service, attempt }) => {
      if (phase === 'prepare' && service === 'b') throw new GraphQLError('campaign archived', { extensions: { code: 'CONFLICT' } });
      if (phase === 'abort' && service === 'a' && attempt === 1) throw new Error('connection reset');
      return null;
    });
    const error = await failureOf(coordinator.execute(workflowOver(['a', 'b']), { value: 'v' }, 'alice'));
    const transactionId = error.extensions.transactionId as string;
    // Aborts go out at once: b is released while a's abort waits for its retry.
    expect(participants.calls).toEqual(['prepare a', 'prepare b', 'abort a', 'abort b', 'abort a']);
    expect((await harness.log.branches([transactionId])).map((b) => [b.service, b.state, b.attempts])).toEqual([
      ['a', 'ABORTED', 3],
      ['b', 'ABORTED', 2],
    ]);
    expect(await harness.log.get(transactionId)).toMatchObject({ state: 'ABORTED', lastError: 'campaign archived' });
  });
});
