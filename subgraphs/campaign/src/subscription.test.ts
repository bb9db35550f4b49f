import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { TEST_SECRET } from '../../../tests/helpers/subgraph-client.js';
import { subscribeOverSse } from '../../../tests/helpers/subscriptions.js';
import { startHarness, type Harness } from './test-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const EVENTS = `subscription($streamId: String, $type: String) {
  campaignEvents(streamId: $streamId, type: $type) { streamId version type data correlationId campaign { id name } }
}`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }`;
const UPDATE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { name } } }`;

const subscribe = (variables: Record<string, unknown>, userId: string) =>
  subscribeOverSse(h.client.url, { query: EVENTS, variables }, (body: string) => signedFor(TEST_SECRET, 'campaign', { userId }, { body }));

describe('Subscription.campaignEvents', () => {
  it("gives the dungeon master the campaign's events, DM-only notes included", async () => {
    const campaignId = await h.createCampaign('dm-anna', 'Curse of Strahd');
    const events = subscribe({ streamId: `campaign-${campaignId}` }, 'dm-anna');
    await events.connected;
    const sessionId = (await h.ok(SCHEDULE, { input: { campaignId, title: 'Death House' } }, 'dm-anna')).scheduleSession.session.id;
    // Recorded as the hub's endSession does: the campaign's recordSession branch, prepared and committed.
    const recorded = await h.branch('recordSession', { sessionId, recap: 'Escaped the house.', dmNotes: 'Rose and Thorn are ghosts', xpAwarded: 0 }, 'dm-anna');
    expect(recorded.errorCode).toBeUndefined();
    expect((await events.next()).data?.campaignEvents).toMatchObject({
      type: 'SessionScheduled',
      version: 2,
      campaign: { id: campaignId, name: 'Curse of Strahd' },
    });
    expect((await events.next()).data?.campaignEvents).toMatchObject({
      streamId: `campaign-${campaignId}`,
      type: 'SessionRecorded',
      data: { sessionId, recap: 'Escaped the house.', dmNotes: 'Rose and Thorn are ghosts' },
      correlationId: recorded.transactionId,
    });
    events.dispose();
  });

  it("refuses a player the campaign's stream (FORBIDDEN) and an unknown campaign (NOT_FOUND)", async () => {
    const campaignId = await h.createCampaign('dm-anna');
    await h.addPlayer(campaignId, 'dm-anna', 'player-ben');
    const player = subscribe({ streamId: `campaign-${campaignId}` }, 'player-ben');
    expect((await player.next()).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', campaignId });
    const unknown = subscribe({ streamId: 'campaign-6f1c1f53-8a0e-4a50-9d43-59d7ab1fd2a1' }, 'dm-anna');
    expect((await unknown.next()).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const badType = subscribe({ type: 'DragonArrived' }, 'dm-anna');
    expect((await badType.next()).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
  });

  it('without streamId, delivers the events of the campaigns the caller runs and no others', async () => {
    const mine = await h.createCampaign('dm-carl', 'Tomb of Annihilation');
    const theirs = await h.createCampaign('dm-dora', 'Storm King');
    await h.addPlayer(theirs, 'dm-dora', 'dm-carl');
    const carl = subscribe({ type: 'CampaignUpdated' }, 'dm-carl');
    await carl.connected;
    await h.ok(UPDATE, { input: { id: theirs, name: 'Storm King’s Thunder' } }, 'dm-dora');
    await h.ok(UPDATE, { input: { id: mine, name: 'Tomb of Annihilation (Chult)' } }, 'dm-carl');
    const first = await carl.next();
    expect(first.data?.campaignEvents).toMatchObject({ streamId: `campaign-${mine}`, data: { name: 'Tomb of Annihilation (Chult)' } });
    carl.dispose();
  });
});
