/**
 * Processes killed (SIGKILL) at exact points of the hub's two-phase commit, on PostgreSQL only: the test holds a lock
 * a participant's prepare or commit needs, waits until the hub's own log shows the point it wants, kills the process,
 * releases the lock and restarts it. After every fault each transaction must end consistently (ABORTED before the
 * decision, COMMITTED after it) and both services' data must agree.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gameFixtures } from './helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';
import {
  expectSessionAgrees,
  faultHubConfig,
  gameTable,
  holdLock,
  type Hold,
  PgProbe,
  restartStopped,
  viewOf,
  waitFor,
  waitForState,
  type Table,
} from './transaction-faults-support.js';

// 3 s transaction timeout: a fault past a deadline (the in-doubt resolver's case) shows within seconds, and every
// hold below kills its process within milliseconds of the point it waits for, far inside the deadline.
const TIMEOUT_S = 3;
// 200 ms / 500 ms: a prepared branch past its deadline asks the hub at most 0.7 s later.
const RESOLVE_INTERVAL_MS = 200;
const RESOLVE_GRACE_MS = 500;

const END_SESSION = 'mutation($input: EndSessionInput!) { endSession(input: $input) { sessionId transaction { id state } } }';
const JOIN_PARTY = 'mutation($input: JoinPartyInput!) { joinParty(input: $input) { transaction { id state } } }';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;
let db: PgProbe;
let configDir: string;

beforeAll(async () => {
  const hubConfig = faultHubConfig(TIMEOUT_S);
  configDir = path.dirname(hubConfig);
  platform = await startTestPlatform({
    HUB_CONFIG: hubConfig,
    TX_RESOLVE_INTERVAL_MS: String(RESOLVE_INTERVAL_MS),
    TX_RESOLVE_GRACE_MS: String(RESOLVE_GRACE_MS),
  });
  fx = gameFixtures(platform);
  db = await PgProbe.open(platform.schemaPrefix!);
});
afterEach(async ({ task }) => {
  // The processes' own lines explain most failures here (a refused call, a recovery that did not run).
  if (task.result?.state === 'fail') console.log(platform?.logs.slice(-120).join('\n'));
  if (platform) await restartStopped(platform);
});
afterAll(async () => {
  await db?.close();
  await platform?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

interface LoggedTransaction {
  id: string;
  state: string;
  branches: Record<string, { state: string; attempts: number; last_error: string | null }>;
}

/** The hub's log as its database holds it: readable while the gateway process is dead. */
async function hubLog(initiator: string): Promise<LoggedTransaction | undefined> {
  const [transaction] = await db.rows<{ id: string; state: string }>(
    `SELECT id, state FROM ${db.table('hub', 'transactions')} WHERE initiator = $1 ORDER BY created_at DESC LIMIT 1`,
    [initiator],
  );
  if (!transaction) return undefined;
  const rows = await db.rows<{ service: string; state: string; attempts: number; last_error: string | null }>(
    `SELECT service, state, attempts, last_error FROM ${db.table('hub', 'transaction_branches')} WHERE transaction_id = $1`,
    [transaction.id],
  );
  return { ...transaction, branches: Object.fromEntries(rows.map(({ service, ...branch }) => [service, branch])) };
}

/**
 * Waits until the newest transaction of `initiator` matches `point` in the hub's log and, with a hold, until the
 * participant's call is stuck on it (the hub logs a step before it sends the call).
 */
function hubReaches(initiator: string, what: string, point: (t: LoggedTransaction) => boolean, hold?: Hold): Promise<LoggedTransaction> {
  return waitFor(
    what,
    async () => {
      const logged = await hubLog(initiator);
      return logged && point(logged) && (!hold || (await hold.blocksSomeone())) && logged;
    },
    20_000,
  );
}

async function participantBranch(service: string, transactionId: string) {
  const [row] = await db.rows<{ state: string; operation: string | null }>(
    `SELECT state, operation FROM ${db.table(service, 'tx_branches')} WHERE transaction_id = $1`,
    [transactionId],
  );
  return row;
}

async function reservationsOf(transactionId: string): Promise<number> {
  let count = 0;
  for (const service of ['campaign', 'character']) {
    count += (await db.rows(`SELECT 1 FROM ${db.table(service, 'tx_reservations')} WHERE transaction_id = $1`, [transactionId])).length;
  }
  return count;
}

/** Sends the mutation and keeps its outcome (an answer, or the connection dropping with its killed gateway). */
function send(query: string, input: Record<string, unknown>, user: string) {
  return platform.gql(query, { input }, user).then(
    (result) => ({ result }),
    (err: unknown) => ({ dropped: (err as Error).message }),
  );
}

const lockCharacterReservations = () => holdLock(`LOCK TABLE ${db.table('character', 'tx_reservations')} IN EXCLUSIVE MODE`);
const lockSessionRow = (table: Table) => holdLock(`SELECT 1 FROM ${db.table('campaign', 'game_sessions')} WHERE id = $1 FOR UPDATE`, [table.sessionId]);

describe('the hub (gateway process) killed', () => {
  it('between prepare and decision: the prepared branches wait for the hub, and its restart aborts everything', async () => {
    const table = await gameTable(fx, 'dm-hub-undecided', ['undecided-1', 'undecided-2']);
    // The character service's prepare waits on its reservations table: the campaign branch prepares, the hub waits.
    const hold = await lockCharacterReservations();
    const outcome = send(END_SESSION, { sessionId: table.sessionId, xpAwarded: 500 }, table.dm);
    const logged = await hubReaches(
      table.dm,
      'campaign PREPARED, character prepare in flight',
      (t) => t.state === 'ACTIVE' && t.branches.campaign?.state === 'PREPARED' && t.branches.character?.state === 'PENDING',
      hold,
    );
    await platform.stopProcess('gateway', 'SIGKILL');
    await hold.release();
    expect(await outcome).toHaveProperty('dropped');

    // The orphaned prepare completes: both participants now hold a prepared branch of an undecided transaction.
    await waitFor('the character branch to prepare', async () => (await participantBranch('character', logged.id))?.state === 'PREPARED');
    // Past its deadline the character service asks the hub, which is down: it must keep waiting, not decide alone.
    await waitFor('the character resolver to try the hub', async () =>
      platform.logs.some((line) => line.startsWith('[character]') && line.includes('could not settle in-doubt transactions')),
    );
    expect((await participantBranch('character', logged.id))?.state).toBe('PREPARED');
    expect((await participantBranch('campaign', logged.id))?.state).toBe('PREPARED');

    await platform.startProcess('gateway');
    const ended = await waitForState(platform, table.dm, logged.id, 'ABORTED');
    expect(ended.branches.map((b) => b.state)).toEqual(['ABORTED', 'ABORTED']);
    expect(await participantBranch('campaign', logged.id)).toMatchObject({ state: 'ABORTED' });
    expect(await participantBranch('character', logged.id)).toMatchObject({ state: 'ABORTED' });
    expect(await reservationsOf(logged.id)).toBe(0);
    await expectSessionAgrees(fx, table, 500, false);
  }, 120_000);

  it('between decision and phase two: its restart commits what it decided', async () => {
    const table = await gameTable(fx, 'dm-hub-decided', ['decided-1', 'decided-2']);
    // The campaign's commit updates the session row: with it locked, the hub has decided but no commit has landed.
    const hold = await lockSessionRow(table);
    const outcome = send(END_SESSION, { sessionId: table.sessionId, xpAwarded: 250 }, table.dm);
    const logged = await hubReaches(
      table.dm,
      'COMMITTING with both branches prepared',
      (t) => t.state === 'COMMITTING' && t.branches.campaign?.state === 'PREPARED' && t.branches.character?.state === 'PREPARED',
      hold,
    );
    await platform.stopProcess('gateway', 'SIGKILL');
    await hold.release();
    expect(await outcome).toHaveProperty('dropped');

    // The campaign's commit was already sent and lands; the character's was never sent. Half done until the hub returns.
    await waitFor('the campaign branch to commit', async () => (await participantBranch('campaign', logged.id))?.state === 'COMMITTED');
    expect((await participantBranch('character', logged.id))?.state).toBe('PREPARED');

    await platform.startProcess('gateway');
    const ended = await waitForState(platform, table.dm, logged.id, 'COMMITTED');
    expect(ended.branches.map((b) => b.state)).toEqual(['COMMITTED', 'COMMITTED']);
    expect(await reservationsOf(logged.id)).toBe(0);
    await expectSessionAgrees(fx, table, 250, true);
  }, 120_000);
});

describe('a participant down during commit', () => {
  it('is retried with backoff until it is back, then the transaction commits with no client action', async () => {
    const campaignId = await fx.campaign('dm-commit-down', ['joiner']);
    const characterId = await fx.character('joiner');
    // The character's commit updates its row: locked, the hub's commit waits there after the campaign committed.
    const hold = await holdLock(`SELECT 1 FROM ${db.table('character', 'characters')} WHERE id = $1 FOR UPDATE`, [characterId]);
    const outcome = send(JOIN_PARTY, { campaignId, characterId }, 'joiner');
    const logged = await hubReaches(
      'joiner',
      'campaign committed, character commit in flight',
      (t) => t.state === 'COMMITTING' && t.branches.campaign?.state === 'COMMITTED' && t.branches.character?.state === 'PREPARED',
      hold,
    );
    await platform.stopProcess('character', 'SIGKILL');
    await hold.release();

    // The client hears that the decision is commit and the rest is on its way.
    const answered = await outcome;
    expect('result' in answered && answered.result.data?.joinParty.transaction).toEqual({ id: logged.id, state: 'COMMITTING' });
    const retrying = await hubReaches('joiner', 'the hub to retry the character commit', (t) => t.branches.character!.attempts >= 3);
    expect(retrying.state).toBe('COMMITTING');
    expect(retrying.branches.character!.last_error).toMatch(/character/);
    // Backoff, not a busy loop: a few calls in the seconds the service is down.
    const before = retrying.branches.character!.attempts;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await hubLog('joiner'))!.branches.character!.attempts - before).toBeLessThan(10);
    const party = await fx.ok('query($id: ID!) { campaign(id: $id) { party { id } } }', { id: campaignId }, 'dm-commit-down');
    expect(party.campaign.party).toEqual([{ id: characterId }]);

    await platform.startProcess('character');
    await waitForState(platform, 'joiner', logged.id, 'COMMITTED');
    const character = await fx.ok('query($id: ID!) { character(id: $id) { activeCampaignId } }', { id: characterId }, 'joiner');
    expect(character.character.activeCampaignId).toBe(campaignId);
    expect(await reservationsOf(logged.id)).toBe(0);
  }, 120_000);
});

describe('a participant settling a branch the hub never finished', () => {
  it('commits by asking the hub while the hub is stuck on another participant that is down', async () => {
    const table = await gameTable(fx, 'dm-in-doubt', ['doubter']);
    const [{ id: characterId, owner }] = table.party as [{ id: string; owner: string }];
    // Commits go in step order: the hub commits the campaign first. Its process dies inside that commit, so the hub
    // retries the campaign and never reaches the character, whose branch keeps the character reserved.
    const hold = await lockSessionRow(table);
    const outcome = send(END_SESSION, { sessionId: table.sessionId, xpAwarded: 120 }, table.dm);
    const logged = await hubReaches(
      table.dm,
      'COMMITTING with both branches prepared',
      (t) => t.state === 'COMMITTING' && t.branches.campaign?.state === 'PREPARED' && t.branches.character?.state === 'PREPARED',
      hold,
    );
    await platform.stopProcess('campaign', 'SIGKILL');
    await hold.release();
    await outcome;

    // Past the deadline and grace, the character service asks the hub (COMMITTING) and commits its branch itself.
    await waitFor('the character to commit its branch', async () => (await participantBranch('character', logged.id))?.state === 'COMMITTED', 20_000);
    expect(platform.logs.some((line) => line.includes(`committed in-doubt transaction ${logged.id}`))).toBe(true);
    expect(await fx.experience(owner, characterId)).toBe(120);
    expect((await hubLog(table.dm))!.branches.character!.state).toBe('PREPARED');
    expect((await participantBranch('campaign', logged.id))?.state).toBe('PREPARED');

    await platform.startProcess('campaign');
    const ended = await waitForState(platform, table.dm, logged.id, 'COMMITTED');
    expect(ended.branches.map((b) => b.state)).toEqual(['COMMITTED', 'COMMITTED']);
    // The hub's own commit of the character branch found it committed: the experience was awarded once.
    await expectSessionAgrees(fx, table, 120, true);
    const view = await viewOf(fx, table);
    expect(view.partyIds).toEqual([characterId]);
  }, 120_000);
});
