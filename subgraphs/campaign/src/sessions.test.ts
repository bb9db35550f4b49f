import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-harness.js';

const SCHEDULE = `mutation($input: ScheduleSessionInput!) {
  scheduleSession(input: $input) { session { id number title status scheduledFor playedAt xpAwarded } } }`;
const RECORD = `mutation($input: RecordSessionInput!) {
  recordSession(input: $input) { session { id number status playedAt recap dmNotes xpAwarded } campaign { sessions { number status } } } }`;
const SESSIONS = `query($id: ID!) { campaign(id: $id) { sessions { number title } } }`;
const ARCHIVE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { status } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function schedule(campaignId: string, title: string, userId = 'dm') {
  return (await h.ok(SCHEDULE, { input: { campaignId, title } }, userId)).scheduleSession.session;
}

describe('scheduleSession', () => {
  it('numbers sessions 1, 2, 3 per campaign', async () => {
    const campaignId = await h.createCampaign('dm');
    const other = await h.createCampaign('dm');
    const first = (await h.ok(SCHEDULE, { input: { campaignId, title: 'Goblin Arrows', scheduledFor: '2026-11-25T19:00:00.000Z' } }, 'dm'))
      .scheduleSession.session;
    expect(first).toMatchObject({ number: 1, status: 'SCHEDULED', scheduledFor: '2026-11-25T19:00:00.000Z', playedAt: null, xpAwarded: null });
    expect((await schedule(other, 'Elsewhere')).number).toBe(1);
    expect((await schedule(campaignId, 'Phandalin')).number).toBe(2);
    expect((await schedule(campaignId, 'The Spider\'s Web')).number).toBe(3);
    expect((await h.ok(SESSIONS, { id: campaignId }, 'dm')).campaign.sessions.map((s: any) => s.number)).toEqual([1, 2, 3]);
  });

  it('gives concurrent schedulers distinct, gap-free numbers', async () => {
    const campaignId = await h.createCampaign('dm');
    const sessions = await Promise.all(Array.from({ length: 12 }, (_, i) => schedule(campaignId, `Session ${i}`)));
    expect(sessions.map((s) => s.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('is for the DM of an active campaign, with a 1..100 character title', async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    expect(await h.errorCode(SCHEDULE, { input: { campaignId, title: 'Mine' } }, 'player')).toBe('FORBIDDEN');
    expect(await h.errorCode(SCHEDULE, { input: { campaignId, title: ' ' } }, 'dm')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(SCHEDULE, { input: { campaignId, title: 'x', scheduledFor: 'next friday' } }, 'dm')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(SCHEDULE, { input: { campaignId: randomUUID(), title: 'x' } }, 'dm')).toBe('NOT_FOUND');
    await h.ok(ARCHIVE, { input: { id: campaignId, status: 'ARCHIVED' } }, 'dm');
    expect(await h.errorCode(SCHEDULE, { input: { campaignId, title: 'Too late' } }, 'dm')).toBe('CONFLICT');
    expect((await h.ok(SESSIONS, { id: campaignId }, 'dm')).campaign.sessions).toEqual([]);
  });
});

describe('recordSession', () => {
  it('marks the session PLAYED without asking the hub when there is nothing to award', async () => {
    // No hub runs in this test: any award call would fail with SERVICE_UNAVAILABLE.
    const campaignId = await h.createCampaign('dm');
    const empty = await schedule(campaignId, 'No party yet');
    const recorded = await h.ok(RECORD, { input: { sessionId: empty.id, recap: 'Nobody came.', dmNotes: 'Sad', xpAwarded: 300 } }, 'dm');
    expect(recorded.recordSession.session).toMatchObject({ number: 1, status: 'PLAYED', recap: 'Nobody came.', dmNotes: 'Sad', xpAwarded: 300 });
    expect(recorded.recordSession.session.playedAt).toEqual(expect.any(String));
    expect(recorded.recordSession.campaign.sessions).toEqual([{ number: 1, status: 'PLAYED' }]);

    await h.seedPartyCharacter(campaignId, 'dm');
    const zero = await schedule(campaignId, 'Shopping');
    const noXp = await h.ok(RECORD, { input: { sessionId: zero.id, xpAwarded: 0 } }, 'dm');
    expect(noXp.recordSession.session).toMatchObject({ status: 'PLAYED', xpAwarded: 0, recap: null });
  });

  it('a PLAYED session cannot be recorded again, even by two concurrent calls', async () => {
    const campaignId = await h.createCampaign('dm');
    const session = await schedule(campaignId, 'Twice');
    const input = { sessionId: session.id, xpAwarded: 0 };
    const results = await Promise.all([1, 2, 3].map(() => h.client.request(RECORD, { input }, 'dm')));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await h.errorCode(RECORD, { input }, 'dm')).toBe('CONFLICT');
  });

  it('validates its input and is for the DM only', async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    const session = await schedule(campaignId, 'Validated');
    expect(await h.errorCode(RECORD, { input: { sessionId: session.id, xpAwarded: -1 } }, 'dm')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(RECORD, { input: { sessionId: session.id, xpAwarded: 0, recap: 'r'.repeat(10_001) } }, 'dm')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(RECORD, { input: { sessionId: session.id, xpAwarded: 0 } }, 'player')).toBe('FORBIDDEN');
    expect(await h.errorCode(RECORD, { input: { sessionId: session.id, xpAwarded: 0 } }, null)).toBe('UNAUTHENTICATED');
    expect(await h.errorCode(RECORD, { input: { sessionId: randomUUID(), xpAwarded: 0 } }, 'dm')).toBe('NOT_FOUND');
    const still = await h.ok(`query($id: ID!) { campaign(id: $id) { sessions { status recap } } }`, { id: campaignId }, 'dm');
    expect(still.campaign.sessions).toEqual([{ status: 'SCHEDULED', recap: null }]);
  });
});
