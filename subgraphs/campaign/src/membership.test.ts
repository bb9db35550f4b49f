import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { streamVersion } from '#lib/event-store/read-stream.js';
import { partyCharacters } from './db/schema.js';
import { INVITE, JOIN, startHarness, type Harness } from './test-harness.js';

const MEMBERS = `query($id: ID!) { campaign(id: $id) { myRole members { userId role status joinedAt } } }`;
const ARCHIVE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { status } } }`;
const PARTY = `query($id: ID!) { campaign(id: $id) { party { id } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('invite and join', () => {
  it('takes an invited player from INVITED to ACTIVE', async () => {
    const campaignId = await h.createCampaign('dm-1');
    const invited = await h.ok(INVITE, { input: { campaignId, userId: 'player-1' } }, 'dm-1');
    expect(invited.invitePlayer.member).toEqual({ userId: 'player-1', role: 'PLAYER', status: 'INVITED', joinedAt: null });
    expect((await h.ok(MEMBERS, { id: campaignId }, 'player-1')).campaign.myRole).toBe('PLAYER');

    const joined = await h.ok(JOIN, { input: { campaignId } }, 'player-1');
    expect(joined.joinCampaign.member).toMatchObject({ userId: 'player-1', status: 'ACTIVE' });
    expect(joined.joinCampaign.member.joinedAt).toEqual(expect.any(String));
    expect(joined.joinCampaign.campaign.myRole).toBe('PLAYER');

    const { campaign } = await h.ok(MEMBERS, { id: campaignId }, 'dm-1');
    expect(campaign.members.map((m: any) => [m.userId, m.role, m.status])).toEqual([
      ['dm-1', 'DM', 'ACTIVE'],
      ['player-1', 'PLAYER', 'ACTIVE'],
    ]);
  });

  it('inviting twice is idempotent and never demotes a joined player', async () => {
    const campaignId = await h.createCampaign('dm-2');
    await h.ok(INVITE, { input: { campaignId, userId: 'player-2' } }, 'dm-2');
    await h.ok(INVITE, { input: { campaignId, userId: 'player-2' } }, 'dm-2');
    await h.ok(JOIN, { input: { campaignId } }, 'player-2');
    const again = await h.ok(INVITE, { input: { campaignId, userId: 'player-2' } }, 'dm-2');
    expect(again.invitePlayer.member.status).toBe('ACTIVE');
    expect((await h.ok(MEMBERS, { id: campaignId }, 'dm-2')).campaign.members).toHaveLength(2);
  });

  it('refuses to invite the DM, invitations by others, and joining without an invitation', async () => {
    const campaignId = await h.createCampaign('dm-3');
    expect(await h.errorCode(INVITE, { input: { campaignId, userId: 'dm-3' } }, 'dm-3')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(INVITE, { input: { campaignId, userId: '  ' } }, 'dm-3')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(INVITE, { input: { campaignId, userId: 'friend' } }, 'stranger')).toBe('FORBIDDEN');
    expect(await h.errorCode(INVITE, { input: { campaignId, userId: 'friend' } }, null)).toBe('UNAUTHENTICATED');
    expect(await h.errorCode(JOIN, { input: { campaignId } }, 'gatecrasher')).toBe('FORBIDDEN');
    expect(await h.errorCode(JOIN, { input: { campaignId: randomUUID() } }, 'gatecrasher')).toBe('NOT_FOUND');
    expect((await h.ok(MEMBERS, { id: campaignId }, 'gatecrasher')).campaign).toEqual({ myRole: null, members: [] });
  });
});

describe("party (the campaign branches of the hub's joinParty and leaveParty)", () => {
  it('joinParty refuses callers who have not joined, unknown campaigns and archived ones, reserving nothing', async () => {
    const campaignId = await h.createCampaign('dm-4');
    await h.ok(INVITE, { input: { campaignId, userId: 'invitee' } }, 'dm-4');
    const payload = { campaignId, characterId: randomUUID() };
    expect((await h.branch('joinParty', payload, 'stranger')).errorCode).toBe('FORBIDDEN');
    expect((await h.branch('joinParty', payload, 'invitee')).errorCode).toBe('FORBIDDEN');
    expect((await h.branch('joinParty', payload, null)).errorCode).toBe('FORBIDDEN');
    expect((await h.branch('joinParty', { ...payload, campaignId: randomUUID() }, 'dm-4')).errorCode).toBe('NOT_FOUND');
    expect((await h.branch('joinParty', { ...payload, characterId: 'not-a-uuid' }, 'dm-4')).errorCode).toBe('BAD_USER_INPUT');

    const archived = await h.createCampaign('dm-4');
    await h.ok(ARCHIVE, { input: { id: archived, status: 'ARCHIVED' } }, 'dm-4');
    const before = await streamVersion(h.database.db, `campaign-${archived}`);
    expect((await h.branch('joinParty', { campaignId: archived, characterId: payload.characterId }, 'dm-4')).errorCode).toBe('CONFLICT');
    expect(await streamVersion(h.database.db, `campaign-${archived}`)).toBe(before);
    // None of the refusals holds the character: it joins the open campaign now.
    await h.seedPartyCharacter(campaignId, 'dm-4', payload.characterId);
    expect((await h.ok(PARTY, { id: campaignId }, 'dm-4')).campaign.party).toEqual([{ id: payload.characterId }]);
  });

  it('a character is in at most one active party: a second joinParty is refused, and records no event', async () => {
    const first = await h.createCampaign('dm-5');
    const second = await h.createCampaign('dm-6');
    await h.addPlayer(first, 'dm-5', 'player-5');
    await h.addPlayer(second, 'dm-6', 'player-5');
    const characterId = await h.seedPartyCharacter(first, 'player-5');
    const before = await streamVersion(h.database.db, `campaign-${second}`);
    const refused = await h.seedPartyCharacter(second, 'player-5', characterId).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).extensions).toMatchObject({ code: 'CONFLICT', characterId, campaignId: first });
    expect(await streamVersion(h.database.db, `campaign-${second}`)).toBe(before);
    expect((await h.branch('joinParty', { campaignId: first, characterId }, 'player-5')).errorCode).toBe('CONFLICT');
    // Someone else trying with that character learns nothing about where it plays.
    const stranger = await h.branch('joinParty', { campaignId: second, characterId }, 'dm-6');
    expect(stranger.errorCode).toBe('FORBIDDEN');
    expect(stranger.errorExtensions).not.toHaveProperty('campaignId');
    expect(stranger.errorMessage).not.toContain(first);
  });

  it('of concurrent joins of one character to different parties exactly one wins', async () => {
    const characterId = randomUUID();
    const targets = await Promise.all([1, 2, 3, 4].map((i) => h.createCampaign(`dm-race-${i}`)));
    for (const [i, campaignId] of targets.entries()) await h.addPlayer(campaignId, `dm-race-${i + 1}`, 'racer');
    const outcomes = await Promise.allSettled(targets.map((campaignId) => h.seedPartyCharacter(campaignId, 'racer', characterId)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect((outcome.reason as GraphQLError).extensions?.code).toBe('CONFLICT');
    }
    const rows = await h.database.db.select().from(partyCharacters).where(eq(partyCharacters.characterId, characterId));
    expect(rows).toHaveLength(1);
  });

  it('the DM or the owner may take a character out of the party; other players may not', async () => {
    const campaignId = await h.createCampaign('dm-7');
    await h.addPlayer(campaignId, 'dm-7', 'owner-7');
    await h.addPlayer(campaignId, 'dm-7', 'other-7');
    const mine = await h.seedPartyCharacter(campaignId, 'owner-7');
    const theirs = await h.seedPartyCharacter(campaignId, 'other-7');

    expect((await h.branch('leaveParty', { campaignId, characterId: mine }, 'other-7')).errorCode).toBe('FORBIDDEN');
    expect((await h.ok(PARTY, { id: campaignId }, 'dm-7')).campaign.party).toHaveLength(2);
    const byOwner = await h.branch('leaveParty', { campaignId, characterId: mine }, 'owner-7');
    expect(byOwner.errorCode).toBeUndefined();
    expect(byOwner.prepared).toEqual({ partyEntryId: expect.any(String) });
    expect((await h.ok(PARTY, { id: campaignId }, 'dm-7')).campaign.party).toEqual([{ id: theirs }]);
    expect((await h.branch('leaveParty', { campaignId, characterId: mine }, 'owner-7')).errorCode).toBe('NOT_FOUND');

    expect((await h.branch('leaveParty', { campaignId, characterId: theirs }, 'dm-7')).errorCode).toBeUndefined();
    expect((await h.ok(PARTY, { id: campaignId }, 'dm-7')).campaign.party).toEqual([]);
    // Characters that left may join a party again: the old rows are history, not active membership.
    await h.seedPartyCharacter(campaignId, 'owner-7', mine);
    expect((await h.ok(PARTY, { id: campaignId }, 'owner-7')).campaign.party).toEqual([{ id: mine }]);
  });
});

describe('removePlayer and leaveCampaign', () => {
  const REMOVE = `mutation($input: RemovePlayerInput!) { removePlayer(input: $input) { userId campaign { id } } }`;
  const LEAVE = `mutation($input: LeaveCampaignInput!) { leaveCampaign(input: $input) { userId campaign { myRole } } }`;
  const NPC = `mutation($input: CreateNpcInput!) { createNpc(input: $input) { npc { id } } }`;
  const NPCS = `query($id: ID!) { campaign(id: $id) { myRole npcs { name } } }`;

  it('the DM removes a player, who sees only the public part from that moment; nobody else may', async () => {
    const campaignId = await h.createCampaign('dm-r');
    await h.addPlayer(campaignId, 'dm-r', 'player-r');
    await h.addPlayer(campaignId, 'dm-r', 'other-r');
    await h.ok(NPC, { input: { campaignId, name: 'The spy', visibility: 'PARTY' } }, 'dm-r');
    expect((await h.ok(NPCS, { id: campaignId }, 'player-r')).campaign.npcs).toEqual([{ name: 'The spy' }]);
    expect(await h.errorCode(REMOVE, { input: { campaignId, userId: 'player-r' } }, 'other-r')).toBe('FORBIDDEN');
    expect((await h.ok(REMOVE, { input: { campaignId, userId: 'player-r' } }, 'dm-r')).removePlayer.userId).toBe('player-r');
    expect((await h.ok(NPCS, { id: campaignId }, 'player-r')).campaign).toEqual({ myRole: null, npcs: [] });
    expect(await h.errorCode(REMOVE, { input: { campaignId, userId: 'player-r' } }, 'dm-r')).toBe('NOT_FOUND');
    // Rejoining needs a new invitation.
    expect(await h.errorCode(JOIN, { input: { campaignId } }, 'player-r')).toBe('FORBIDDEN');
  });

  it('refuses to end a membership while the player has a character in the party, and a DM cannot leave', async () => {
    const campaignId = await h.createCampaign('dm-l');
    await h.addPlayer(campaignId, 'dm-l', 'player-l');
    const characterId = await h.seedPartyCharacter(campaignId, 'player-l');
    expect(await h.errorCode(LEAVE, { input: { campaignId } }, 'player-l')).toBe('CONFLICT');
    expect(await h.errorCode(REMOVE, { input: { campaignId, userId: 'player-l' } }, 'dm-l')).toBe('CONFLICT');
    expect((await h.ok(MEMBERS, { id: campaignId }, 'player-l')).campaign.myRole).toBe('PLAYER');
    expect(await h.errorCode(LEAVE, { input: { campaignId } }, 'dm-l')).toBe('BAD_USER_INPUT');
    await h.branch('leaveParty', { campaignId, characterId }, 'player-l');
    expect((await h.ok(LEAVE, { input: { campaignId } }, 'player-l')).leaveCampaign).toEqual({ userId: 'player-l', campaign: { myRole: null } });
  });
});
