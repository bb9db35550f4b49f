/**
 * Faults in the hub's transactions that need no lock to stage, on whichever database the run uses (PGlite, or
 * PostgreSQL under DATABASE_URL): a participant process killed (SIGKILL) before prepare, protocol calls duplicated
 * and reordered straight at a participant's port, and concurrent transactions on one character. The faults that
 * hold a process at an exact point are in transaction-faults.pg.e2e.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR, decide, prepare, runBranch } from './helpers/branch-protocol.js';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { gameFixtures } from './helpers/game-fixtures.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from './helpers/platform.js';
import type { SubgraphClient } from './helpers/subgraph-client.js';
import {
  expectSessionAgrees,
  faultHubConfig,
  gameTable,
  hubTransaction,
  PgProbe,
  restartStopped,
  viewOf,
  waitFor,
  waitForState,
} from './transaction-faults-support.js';

const END_SESSION = 'mutation($input: EndSessionInput!) { endSession(input: $input) { sessionId awardedTo { id } transaction { id state } } }';
const JOIN_PARTY = 'mutation($input: JoinPartyInput!) { joinParty(input: $input) { transaction { id state } } }';
const LEAVE_PARTY = 'mutation($input: LeavePartyInput!) { leaveParty(input: $input) { transaction { id state } } }';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;

beforeAll(async () => {
  platform = await startTestPlatform({
    HUB_CONFIG: faultHubConfig(),
    // 200 ms / 300 ms: a branch whose deadline passed is settled within half a second, so the presumed-abort test
    // is quick; hub transactions here finish long before their 30 s deadline, so the resolvers never touch them.
    TX_RESOLVE_INTERVAL_MS: '200',
    TX_RESOLVE_GRACE_MS: '300',
  });
  fx = gameFixtures(platform);
});
afterEach(async ({ task }) => {
  // The processes' own lines explain most failures here (a refused call, a recovery that did not run).
  if (task.result?.state === 'fail') console.log(platform?.logs.slice(-120).join('\n'));
  if (platform) await restartStopped(platform);
});
afterAll(async () => platform?.stop());

const endSession = (dm: string, sessionId: string, xpAwarded: number) => platform.gql(END_SESSION, { input: { sessionId, xpAwarded, recap: 'Fought.' } }, dm);
const partyChange = (mutation: string, user: string, campaignId: string, characterId: string) =>
  platform.gql(mutation, { input: { campaignId, characterId } }, user);

/** Events anywhere whose metadata names the transaction (every branch commit is correlated by its id). */
async function eventsOf(transactionId: string): Promise<number> {
  const probe = await PgProbe.open(platform.schemaPrefix ?? '');
  try {
    let count = 0;
    for (const service of ['campaign', 'character']) {
      const rows = await probe.rows(`SELECT 1 FROM ${probe.table(service, 'events')} WHERE metadata->>'correlationId' = $1`, [transactionId]);
      count += rows.length;
    }
    return count;
  } finally {
    await probe.close();
  }
}

describe('a participant down during prepare', () => {
  it('aborts endSession with SERVICE_UNAVAILABLE naming the transaction, writes nothing, and finishes the abort once the service is back', async () => {
    const table = await gameTable(fx, 'dm-down', ['player-down']);
    await platform.stopProcess('character', 'SIGKILL');

    const failed = await endSession(table.dm, table.sessionId, 300);
    const error = failed.errors?.[0];
    expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const transactionId: string = error?.extensions?.transactionId;
    expect(transactionId).toMatch(/^[0-9a-f-]{36}$/);
    const during = await hubTransaction(platform, table.dm, transactionId);
    expect(['ABORTING', 'ABORTED']).toContain(during.state);
    expect(during.branches.find((b) => b.service === 'character')?.state).not.toBe('PREPARED');
    // The aborted transaction no longer holds the session: trying again while the character service is still down
    // fails for that reason, not as a CONFLICT with a transaction that is already over.
    const again = await endSession(table.dm, table.sessionId, 300);
    expect(again.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const campaignView = await fx.ok('query($id: ID!) { campaign(id: $id) { sessions { status } } }', { id: table.campaignId }, table.dm);
    expect(campaignView.campaign.sessions).toEqual([{ status: 'SCHEDULED' }]);

    await platform.startProcess('character');
    const settled = await waitForState(platform, table.dm, transactionId, 'ABORTED');
    expect(settled.branches.map((b) => [b.service, b.state])).toEqual([
      ['campaign', 'ABORTED'],
      ['character', 'ABORTED'],
    ]);
    await expectSessionAgrees(fx, table, 300, false);
    if (process.env.DATABASE_URL) expect(await eventsOf(transactionId)).toBe(0);

    // Nothing was left reserved: with every service up, the same session ends normally.
    const ended = await endSession(table.dm, table.sessionId, 300);
    expect(ended.errors).toBeUndefined();
    await expectSessionAgrees(fx, table, 300, true);
  }, 120_000);

  it('aborts joinParty when the campaign service is down, leaving the character free to join once it is back', async () => {
    const campaignId = await fx.campaign('dm-campaign-down', ['player-campaign-down']);
    const characterId = await fx.character('player-campaign-down');
    await platform.stopProcess('campaign', 'SIGKILL');
    const failed = await partyChange(JOIN_PARTY, 'player-campaign-down', campaignId, characterId);
    expect(failed.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const transactionId: string = failed.errors?.[0]?.extensions?.transactionId;
    expect(transactionId).toBeTruthy();
    const character = await fx.ok('query($id: ID!) { character(id: $id) { activeCampaignId } }', { id: characterId }, 'player-campaign-down');
    expect(character.character.activeCampaignId).toBeNull();

    await platform.startProcess('campaign');
    const settled = await waitForState(platform, 'player-campaign-down', transactionId, 'ABORTED');
    // The first step failed, so the character service was never asked to prepare.
    expect(settled.branches.map((b) => b.service)).toEqual(['campaign']);
    const joined = await partyChange(JOIN_PARTY, 'player-campaign-down', campaignId, characterId);
    expect(joined.errors).toBeUndefined();
  }, 120_000);
});

describe('duplicated and reordered protocol calls, straight at the character service as the hub', () => {
  // A client of the character subgraph's own port that signs as the hub with the platform's secret (the helpers'
  // default secret is the unit tests' one).
  const asHub = (): SubgraphClient => ({
    url: `http://127.0.0.1:${platform.ports.character}/graphql`,
    service: 'character',
    async request(query, variables, _caller, headers = {}) {
      const body = JSON.stringify({ query, variables });
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedFor(E2E_SECRET, 'character', COORDINATOR, { body }), ...headers },
        body,
      });
      return { ...(await response.json()), status: response.status };
    },
    get: () => Promise.reject(new Error('not used')),
    close: async () => undefined,
  });
  const award = (characterId: string, amount: number, transactionId?: string, deadline?: Date) => ({
    operation: 'awardSessionExperience',
    payload: { characterIds: [characterId], amount, sessionId: randomUUID(), reason: 'protocol test' },
    actor: null,
    ...(transactionId ? { transactionId } : {}),
    ...(deadline ? { deadline } : {}),
  });

  it('fences a prepare that arrives after its abort, and applies a duplicated prepare and commit once', async () => {
    const client = asHub();
    const characterId = await fx.character('protocol-owner');

    const late = randomUUID();
    expect(await decide(client, late, 'abort', E2E_SECRET)).toEqual({ state: 'ABORTED' });
    expect((await prepare(client, { ...award(characterId, 50), transactionId: late }, E2E_SECRET)).errorCode).toBe('CONFLICT');
    expect(await decide(client, late, 'commit', E2E_SECRET)).toEqual({ errorCode: 'CONFLICT' });
    expect(await decide(client, late, 'abort', E2E_SECRET)).toEqual({ state: 'ABORTED' });

    const twice = randomUUID();
    const [first, second] = await Promise.all([
      prepare(client, award(characterId, 70, twice), E2E_SECRET),
      prepare(client, award(characterId, 70, twice), E2E_SECRET),
    ]);
    expect([first.errorCode, second.errorCode]).toEqual([undefined, undefined]);
    expect(second.prepared).toEqual(first.prepared);
    const commits = await Promise.all([decide(client, twice, 'commit', E2E_SECRET), decide(client, twice, 'commit', E2E_SECRET)]);
    expect(commits).toEqual([{ state: 'COMMITTED' }, { state: 'COMMITTED' }]);
    expect(await decide(client, twice, 'abort', E2E_SECRET)).toEqual({ errorCode: 'CONFLICT' });
    // A prepare re-delivered after the commit answers the branch as it is and awards nothing again.
    expect((await prepare(client, award(characterId, 70, twice), E2E_SECRET)).errorCode).toBeUndefined();
    expect(await fx.experience('protocol-owner', characterId)).toBe(70);

    // Nothing is left reserved by the fenced transaction: a new one on the same character goes through.
    expect((await runBranch(client, award(characterId, 5), E2E_SECRET)).errorCode).toBeUndefined();
    expect(await fx.experience('protocol-owner', characterId)).toBe(75);
  });

  it('aborts a prepared branch the hub has no record of once its deadline passes (presumed abort, asked of the hub)', async () => {
    const client = asHub();
    const characterId = await fx.character('presumed-owner');
    const stray = randomUUID();
    expect((await prepare(client, award(characterId, 40, stray, new Date(Date.now() + 300)), E2E_SECRET)).errorCode).toBeUndefined();
    // While prepared, the character is reserved; the resolver asks the hub, which never logged it, and aborts it here.
    await waitFor(
      'the stray branch to be aborted',
      async () => (await prepare(client, award(characterId, 40, stray), E2E_SECRET)).errorCode === 'CONFLICT',
      15_000,
    );
    expect(platform.logs.some((line) => line.includes(`aborted in-doubt transaction ${stray}`))).toBe(true);
    expect(await fx.experience('presumed-owner', characterId)).toBe(0);
    expect((await runBranch(client, award(characterId, 10), E2E_SECRET)).errorCode).toBeUndefined();
    expect(await fx.experience('presumed-owner', characterId)).toBe(10);
  });
});

describe('concurrent transactions on one character', () => {
  it('lets exactly one of two simultaneous joinParty calls into different campaigns win; both services agree', async () => {
    const player = 'racer';
    const campaigns = [await fx.campaign('dm-race-a', [player]), await fx.campaign('dm-race-b', [player])];
    const dms = ['dm-race-a', 'dm-race-b'];
    // 4 rounds: each starts both transactions at once, so the two prepares interleave differently from round to round.
    for (let round = 0; round < 4; round += 1) {
      const characterId = await fx.character(player, `Racer ${round}`);
      const results = await Promise.all(campaigns.map((campaignId) => partyChange(JOIN_PARTY, player, campaignId, characterId)));
      const winners = results.flatMap((result, index) => (result.errors ? [] : [index]));
      expect(winners).toHaveLength(1);
      const winner = winners[0]!;
      const loser = results[1 - winner]!;
      expect(loser.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      await waitForState(platform, player, loser.errors?.[0]?.extensions?.transactionId, 'ABORTED');

      const character = await fx.ok('query($id: ID!) { character(id: $id) { activeCampaignId } }', { id: characterId }, player);
      expect(character.character.activeCampaignId).toBe(campaigns[winner]);
      for (const [index, campaignId] of campaigns.entries()) {
        const party = await fx.ok('query($id: ID!) { campaign(id: $id) { party { id } } }', { id: campaignId }, dms[index]!);
        expect(party.campaign.party.some((c: { id: string }) => c.id === characterId)).toBe(index === winner);
      }
    }
  }, 120_000);

  it('keeps endSession and leaveParty of the same character consistent whichever wins', async () => {
    for (let round = 0; round < 3; round += 1) {
      const table = await gameTable(fx, `dm-leave-${round}`, [`leaver-${round}`]);
      const [{ id: characterId, owner }] = table.party as [{ id: string; owner: string }];
      const [ended, left] = await Promise.all([endSession(table.dm, table.sessionId, 200), partyChange(LEAVE_PARTY, owner, table.campaignId, characterId)]);
      for (const failed of [ended, left].filter((result) => result.errors)) expect(failed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(ended.errors && left.errors).toBeFalsy();

      const view = await viewOf(fx, table);
      const inParty = view.partyIds.includes(characterId);
      expect(inParty).toBe(!!left.errors);
      expect(view.characters[0]!.activeCampaignId).toBe(inParty ? table.campaignId : null);
      const awarded = !ended.errors && ended.data!.endSession.awardedTo.some((c: { id: string }) => c.id === characterId);
      expect(view.sessionStatus).toBe(ended.errors ? 'SCHEDULED' : 'PLAYED');
      expect(view.characters[0]!.experience).toBe(awarded ? 200 : 0);
    }
  }, 120_000);
});
