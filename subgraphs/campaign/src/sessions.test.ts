import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from './db/schema.js';
import { startHarness, type Harness } from './test-harness.js';

const SCHEDULE = `mutation($input: ScheduleSessionInput!) {
  scheduleSession(input: $input) { session { id number title status scheduledFor playedAt xpAwarded } } }`;
const SESSION_FIELDS = `query($id: ID!) { campaign(id: $id) { sessions { id number status playedAt recap dmNotes xpAwarded } } }`;
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

/** The campaign's recordSession branch, prepared and committed as the hub's endSession runs it. */
function record(sessionId: string, fields: { recap?: string | null; dmNotes?: string | null; xpAwarded: number }, actor: string | null = 'dm') {
  return h.branch('recordSession', { sessionId, recap: null, dmNotes: null, ...fields }, actor);
}

interface SessionView {
  id: string;
  number: number;
  status: string;
  playedAt: string | null;
  recap: string | null;
  dmNotes: string | null;
  xpAwarded: number | null;
}

async function sessionsOf(campaignId: string): Promise<SessionView[]> {
  return (await h.ok(SESSION_FIELDS, { id: campaignId }, 'dm')).campaign.sessions;
}

describe('scheduleSession', () => {
  it('numbers sessions 1, 2, 3 per campaign', async () => {
    const campaignId = await h.createCampaign('dm');
    const other = await h.createCampaign('dm');
    const first = (await h.ok(SCHEDULE, { input: { campaignId, title: 'Goblin Arrows', scheduledFor: '2026-11-25T19:00:00.000Z' } }, 'dm')).scheduleSession
      .session;
    expect(first).toMatchObject({ number: 1, status: 'SCHEDULED', scheduledFor: '2026-11-25T19:00:00.000Z', playedAt: null, xpAwarded: null });
    expect((await schedule(other, 'Elsewhere')).number).toBe(1);
    expect((await schedule(campaignId, 'Phandalin')).number).toBe(2);
    expect((await schedule(campaignId, "The Spider's Web")).number).toBe(3);
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

describe("recordSession (the campaign branch of the hub's endSession)", () => {
  it('marks the session PLAYED at commit and answers the party its experience goes to', async () => {
    const campaignId = await h.createCampaign('dm');
    const empty = await schedule(campaignId, 'No party yet');
    const recorded = await record(empty.id, { recap: 'Nobody came.', dmNotes: 'Sad', xpAwarded: 300 });
    expect(recorded).toMatchObject({ prepared: { campaignId, number: 1, title: 'No party yet', party: [] } });
    expect(recorded.errorCode).toBeUndefined();
    const [played] = await sessionsOf(campaignId);
    expect(played).toMatchObject({ number: 1, status: 'PLAYED', recap: 'Nobody came.', dmNotes: 'Sad', xpAwarded: 300 });
    expect(played?.playedAt).toEqual(expect.any(String));

    const characterId = await h.seedPartyCharacter(campaignId, 'dm');
    const zero = await schedule(campaignId, 'Shopping');
    const noXp = await record(zero.id, { xpAwarded: 0 });
    expect(noXp.prepared).toMatchObject({ party: [characterId] });
    expect((await sessionsOf(campaignId))[1]).toMatchObject({ status: 'PLAYED', xpAwarded: 0, recap: null });
  });

  it('a PLAYED session cannot be recorded again, even by two concurrent transactions', async () => {
    const campaignId = await h.createCampaign('dm');
    const session = await schedule(campaignId, 'Twice');
    const results = await Promise.all([1, 2, 3].map(() => record(session.id, { xpAwarded: 0 })));
    expect(results.filter((r) => !r.errorCode).length).toBe(1);
    expect(results.map((r) => r.errorCode).filter(Boolean)).toEqual(['CONFLICT', 'CONFLICT']);
    expect((await record(session.id, { xpAwarded: 0 })).errorCode).toBe('CONFLICT');
    const recordings = await h.database.db.select().from(events).where(eq(events.type, 'SessionRecorded'));
    expect(recordings.filter((event) => (event.data as { sessionId: string }).sessionId === session.id)).toHaveLength(1);
  });

  it('validates its payload and is for the DM only; a refused prepare changes nothing', async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    const session = await schedule(campaignId, 'Validated');
    expect((await record(session.id, { xpAwarded: -1 })).errorCode).toBe('BAD_USER_INPUT');
    expect((await record(session.id, { xpAwarded: 0, recap: 'r'.repeat(10_001) })).errorCode).toBe('BAD_USER_INPUT');
    expect((await record(session.id, { xpAwarded: 0 }, 'player')).errorCode).toBe('FORBIDDEN');
    expect((await record(session.id, { xpAwarded: 0 }, null)).errorCode).toBe('FORBIDDEN');
    expect((await record(randomUUID(), { xpAwarded: 0 })).errorCode).toBe('NOT_FOUND');
    expect(await sessionsOf(campaignId)).toEqual([expect.objectContaining({ status: 'SCHEDULED', recap: null })]);
    // None of the refusals kept the session reserved: the DM records it now.
    expect((await record(session.id, { xpAwarded: 10 })).errorCode).toBeUndefined();
  });
});
