import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '#lib/event-store/read-stream.js';
import { verifyAllStreams } from '#lib/event-store/verify-stream.js';
import { events, txReservations } from '../db/schema.js';
import { startHarness, type Harness } from '../test-harness.js';
import { campaignStream } from './campaign-events.js';

const UPDATE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { name status } } }`;
const INVITE = `mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { member { status } } }`;
const JOIN = `mutation($input: JoinCampaignInput!) { joinCampaign(input: $input) { member { status } } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id number } } }`;
const SESSIONS = `query($id: ID!) { campaign(id: $id) { sessions { status playedAt } } }`;
const NPC = `mutation($input: CreateNpcInput!) { createNpc(input: $input) { npc { id } } }`;
const LOCATION = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } } }`;
const QUEST = `mutation($input: CreateQuestInput!) { createQuest(input: $input) { quest { id } } }`;
const UPDATE_QUEST = `mutation($input: UpdateQuestInput!) { updateQuest(input: $input) { quest { status visibility } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** The hub's endSession, as far as this service sees it: its recordSession branch, prepared and committed. */
function record(sessionId: string, fields: { recap?: string; xpAwarded: number }, actor = 'dm') {
  return h.branch('recordSession', { sessionId, recap: null, dmNotes: null, ...fields }, actor);
}

function leave(campaignId: string, characterId: string, actor: string) {
  return h.branch('leaveParty', { campaignId, characterId }, actor);
}

async function eventCount(): Promise<number> {
  const [row] = await h.database.db.select({ n: sql<number>`count(*)::int` }).from(events);
  return Number(row?.n);
}

describe('campaign events', () => {
  it('every mutation and committed branch of a campaign appends its events, in order, to campaign-<id>', async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    const kept = await h.seedPartyCharacter(campaignId, 'player');
    const dropped = await h.seedPartyCharacter(campaignId, 'player');
    const droppedBranch = await leave(campaignId, dropped, 'player');
    const session = (await h.ok(SCHEDULE, { input: { campaignId, title: 'Goblin Arrows' } }, 'dm')).scheduleSession.session;
    const recorded = await record(session.id, { recap: 'Ambush', xpAwarded: 0 });
    await h.ok(NPC, { input: { campaignId, name: 'Sildar Hallwinter' } }, 'dm');
    await h.ok(LOCATION, { input: { campaignId, name: 'Cragmaw Hideout', visibility: 'PARTY' } }, 'dm');
    const quest = (await h.ok(QUEST, { input: { campaignId, title: 'Find Gundren' } }, 'dm')).createQuest.quest;
    await h.ok(UPDATE_QUEST, { input: { id: quest.id, status: 'COMPLETED' } }, 'dm');
    await leave(campaignId, kept, 'dm');
    await h.ok(UPDATE, { input: { id: campaignId, name: 'Phandelver', status: 'ARCHIVED' } }, 'dm');
    await h.ok(UPDATE, { input: { id: campaignId, status: 'ACTIVE' } }, 'dm');

    const stream = await readStream(h.database.db, campaignStream(campaignId));
    expect(stream.map((event) => [event.streamVersion, event.type])).toEqual([
      [1, 'CampaignCreated'],
      [2, 'PlayerInvited'],
      [3, 'PlayerJoined'],
      [4, 'CharacterJoinedParty'],
      [5, 'CharacterJoinedParty'],
      [6, 'CharacterLeftParty'],
      [7, 'SessionScheduled'],
      [8, 'SessionRecorded'],
      [9, 'NpcCreated'],
      [10, 'LocationCreated'],
      [11, 'QuestCreated'],
      [12, 'QuestUpdated'],
      [13, 'CharacterLeftParty'],
      [14, 'CampaignUpdated'],
      [15, 'CampaignArchived'],
      [16, 'CampaignReopened'],
    ]);
    expect(stream[0]?.data).toMatchObject({ campaignId, dungeonMasterId: 'dm', setting: 'Forgotten Realms' });
    expect(stream[4]?.data).toMatchObject({ characterId: dropped, ownerId: 'player' });
    expect(stream[5]?.data).toMatchObject({ characterId: dropped, partyEntryId: (stream[4]?.data as { partyEntryId: string }).partyEntryId });
    expect(stream[6]?.data).toMatchObject({ sessionId: session.id, number: 1, title: 'Goblin Arrows' });
    expect(stream[7]?.data).toMatchObject({ sessionId: session.id, recap: 'Ambush', xpAwarded: 0, awardedTo: [kept] });
    // playedAt is the event's recording time, so a replay restores the same instant.
    const { sessions } = (await h.ok(SESSIONS, { id: campaignId }, 'dm')).campaign;
    expect(new Date(sessions[0].playedAt)).toEqual(stream[7]?.recordedAt);
    expect(stream[11]?.data).toMatchObject({ questId: quest.id, status: 'COMPLETED', visibility: 'DM_ONLY' });
    expect(stream[12]?.data).toMatchObject({ characterId: kept });
    expect(stream[13]?.data).toEqual({ campaignId, name: 'Phandelver' });
    expect(stream[14]?.data).toEqual({ campaignId, releasedCharacterIds: [] });
    expect(stream.every((event) => event.metadata.userId !== undefined)).toBe(true);
    expect(stream[2]?.metadata.userId).toBe('player');
    // A branch's events carry the global transaction's id, so one transaction can be followed across services.
    expect(stream[5]?.metadata).toMatchObject({ correlationId: droppedBranch.transactionId, causationId: droppedBranch.transactionId, userId: 'player' });
    expect(stream[7]?.metadata).toMatchObject({ correlationId: recorded.transactionId, userId: 'dm' });
    expect(stream[12]?.metadata).toMatchObject({ userId: 'dm' });
    expect((await verifyAllStreams(h.database.db)).ok).toBe(true);
  });

  it('changes that change nothing record nothing', async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    const before = await eventCount();
    await h.ok(INVITE, { input: { campaignId, userId: 'player' } }, 'dm');
    await h.ok(JOIN, { input: { campaignId } }, 'player');
    await h.ok(UPDATE, { input: { id: campaignId, status: 'ACTIVE' } }, 'dm');
    expect(await eventCount()).toBe(before);
  });

  it('a refused mutation or branch (bad input, FORBIDDEN, NOT_FOUND, CONFLICT) appends nothing and holds nothing', async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    const session = (await h.ok(SCHEDULE, { input: { campaignId, title: 'Once' } }, 'dm')).scheduleSession.session;
    await record(session.id, { xpAwarded: 0 });
    const character = await h.seedPartyCharacter(campaignId, 'player');
    const before = await eventCount();

    expect(await h.errorCode(SCHEDULE, { input: { campaignId, title: ' ' } }, 'dm')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(UPDATE, { input: { id: campaignId, name: null } }, 'dm')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(SCHEDULE, { input: { campaignId, title: 'Mine' } }, 'player')).toBe('FORBIDDEN');
    expect((await leave(campaignId, character, 'stranger')).errorCode).toBe('FORBIDDEN');
    expect(await h.errorCode(JOIN, { input: { campaignId } }, 'gatecrasher')).toBe('FORBIDDEN');
    expect((await leave(campaignId, randomUUID(), 'dm')).errorCode).toBe('NOT_FOUND');
    expect((await record(session.id, { xpAwarded: 0 })).errorCode).toBe('CONFLICT');
    expect(await h.errorCode(UPDATE, { input: { id: campaignId, status: 'ARCHIVED' } }, 'dm')).toBe('CONFLICT');
    const other = await h.createCampaign('dm-2');
    await h.addPlayer(other, 'dm-2', 'player');
    const afterOther = await eventCount();
    await expect(h.seedPartyCharacter(other, 'player', character)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(h.seedPartyCharacter(other, 'dm-2', character)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await leave(campaignId, character, 'player')).errorCode).toBeUndefined();
    await h.ok(UPDATE, { input: { id: campaignId, status: 'ARCHIVED' } }, 'dm');
    const archived = await eventCount();
    expect(await h.errorCode(SCHEDULE, { input: { campaignId, title: 'Too late' } }, 'dm')).toBe('CONFLICT');
    expect(await h.errorCode(INVITE, { input: { campaignId, userId: 'late' } }, 'dm')).toBe('CONFLICT');
    expect((await h.branch('joinParty', { campaignId, characterId: randomUUID() }, 'dm')).errorCode).toBe('CONFLICT');

    expect(afterOther).toBe(before + 3);
    expect(archived).toBe(afterOther + 2);
    expect(await eventCount()).toBe(archived);
    // No refused prepare left a reservation behind.
    expect(await h.database.db.select().from(txReservations)).toEqual([]);
  });

  it('concurrent writers of one campaign queue on its stream: gapless numbers in the events, one recording, archive vs join', async () => {
    const campaignId = await h.createCampaign('dm');
    const scheduled = await Promise.all(Array.from({ length: 8 }, (_, i) => h.ok(SCHEDULE, { input: { campaignId, title: `Night ${i}` } }, 'dm')));
    const session = scheduled[0]!.scheduleSession.session;
    const recordings = await Promise.all([1, 2, 3].map(() => record(session.id, { xpAwarded: 0 })));
    expect(recordings.filter((r) => !r.errorCode)).toHaveLength(1);
    const character = randomUUID();
    const [archive, join] = await Promise.all([
      h.client.request(UPDATE, { input: { id: campaignId, status: 'ARCHIVED' } }, 'dm'),
      h.branch('joinParty', { campaignId, characterId: character }, 'dm'),
    ]);
    const archiveCode = archive.errors?.[0]?.extensions?.code;
    // Exactly one wins: the archive refuses a party that is joined or joining, the join refuses an archived campaign.
    expect([archiveCode, join.errorCode].filter(Boolean)).toEqual(['CONFLICT']);

    const stream = await readStream(h.database.db, campaignStream(campaignId));
    expect(stream.map((event) => event.streamVersion)).toEqual(stream.map((_, i) => i + 1));
    const numbers = stream.filter((event) => event.type === 'SessionScheduled').map((event) => (event.data as { number: number }).number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(stream.filter((event) => event.type === 'SessionRecorded')).toHaveLength(1);
    expect(stream.filter((event) => event.type === 'CampaignArchived')).toHaveLength(archiveCode ? 0 : 1);
    const party = (await h.ok(`query($id: ID!) { campaign(id: $id) { party { id } } }`, { id: campaignId }, 'dm')).campaign.party;
    expect(party).toEqual(join.errorCode ? [] : [{ id: character }]);
  });

  it('the x-request-id header becomes the correlation id of the events; without it each request gets its own', async () => {
    const requestId = `req-${randomUUID()}`;
    const created = await h.client.request(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`,
      { input: { name: 'Traced' } },
      'dm',
      { 'x-request-id': requestId },
    );
    const campaignId = (created.data as { createCampaign: { campaign: { id: string } } }).createCampaign.campaign.id;
    await h.ok(NPC, { input: { campaignId, name: 'Untraced' } }, 'dm');
    await h.client.request(NPC, { input: { campaignId, name: 'Too long' } }, 'dm', { 'x-request-id': 'x'.repeat(201) });
    const [first, second, third] = await readStream(h.database.db, campaignStream(campaignId));
    expect(first?.metadata).toMatchObject({ correlationId: requestId, userId: 'dm' });
    expect(second?.metadata.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(third?.metadata.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(third?.metadata.correlationId).not.toBe(second?.metadata.correlationId);
  });
});
