/**
 * The hub's transactions as users meet them: endSession, joinParty, leaveParty and setCharacterPortrait through
 * the gateway, with every service's data checked afterwards (all or nothing), and the bad input the issue lists.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradientPng } from '#lib/images/png.js';
import { gameFixtures } from './helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;

beforeAll(async () => {
  platform = await startTestPlatform();
  fx = gameFixtures(platform);
});
afterAll(async () => platform?.stop());

const PORTRAIT = gradientPng(16, 16, [200, 40, 40], [40, 40, 200]).toString('base64');
const SET_PORTRAIT = `mutation($input: SetCharacterPortraitInput!) {
  setCharacterPortrait(input: $input) { character { id portraitImageId } image { id kind } transaction { state } } }`;

describe('joinParty and leaveParty', () => {
  it('changes the campaign party and the character together', async () => {
    const campaignId = await fx.campaign('dm-join', ['player-join']);
    const characterId = await fx.character('player-join');
    const joined = await fx.joinParty('player-join', campaignId, characterId);
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.joinParty.character.activeCampaignId).toBe(campaignId);
    expect(joined.data!.joinParty.transaction.state).toBe('COMMITTED');
    const party = await fx.ok('query($id: ID!) { campaign(id: $id) { party { id } } }', { id: campaignId }, 'dm-join');
    expect(party.campaign.party.map((c: { id: string }) => c.id)).toEqual([characterId]);

    const left = await platform.gql(
      'mutation($input: LeavePartyInput!) { leaveParty(input: $input) { character { id activeCampaignId } transaction { state } } }',
      { input: { campaignId, characterId } },
      'dm-join',
    );
    expect(left.errors).toBeUndefined();
    expect(left.data!.leaveParty.character.activeCampaignId).toBeNull();
    const after = await fx.ok('query($id: ID!) { campaign(id: $id) { party { id } } }', { id: campaignId }, 'dm-join');
    expect(after.campaign.party).toEqual([]);
  });

  it("refuses someone else's character and leaves both sides unchanged", async () => {
    const campaignId = await fx.campaign('dm-thief', ['thief']);
    const characterId = await fx.character('honest-owner');
    const result = await fx.joinParty('thief', campaignId, characterId);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const transactionId = result.errors?.[0]?.extensions?.transactionId;
    const tx = await fx.ok('query($id: ID!) { transaction(id: $id) { state branches { service state } lastError } }', { id: transactionId }, 'thief');
    expect(tx.transaction.state).toBe('ABORTED');
    expect(tx.transaction.branches).toEqual([
      { service: 'campaign', state: 'ABORTED' },
      { service: 'character', state: 'ABORTED' },
    ]);
    const party = await fx.ok('query($id: ID!) { campaign(id: $id) { party { id } } }', { id: campaignId }, 'dm-thief');
    expect(party.campaign.party).toEqual([]);
  });

  it('keeps a character in one party: the second campaign answers CONFLICT', async () => {
    const first = await fx.campaign('dm-a', ['wanderer']);
    const second = await fx.campaign('dm-b', ['wanderer']);
    const characterId = await fx.character('wanderer');
    expect((await fx.joinParty('wanderer', first, characterId)).errors).toBeUndefined();
    const again = await fx.joinParty('wanderer', second, characterId);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const deleted = await platform.gql(
      'mutation($input: DeleteCharacterInput!) { deleteCharacter(input: $input) { deletedCharacterId } }',
      { input: { id: characterId } },
      'wanderer',
    );
    expect(deleted.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('endSession', () => {
  it('records the session and gives every party character its XP in one transaction', async () => {
    const campaignId = await fx.campaign('dm-end', ['p1', 'p2']);
    const one = await fx.character('p1', 'Lidda');
    const two = await fx.character('p2', 'Jozan');
    await fx.joinParty('p1', campaignId, one);
    await fx.joinParty('p2', campaignId, two);
    const sessionId = await fx.session('dm-end', campaignId);
    const ended = await fx.endSession('dm-end', sessionId, 450);
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endSession.transaction).toMatchObject({
      state: 'COMMITTED',
      branches: [
        { service: 'campaign', state: 'COMMITTED' },
        { service: 'character', state: 'COMMITTED' },
      ],
    });
    expect(ended.data!.endSession.awardedTo.map((c: { experience: number }) => c.experience)).toEqual([450, 450]);
    expect(await fx.sessionStatus('dm-end', campaignId)).toEqual(['PLAYED']);

    const twice = await fx.endSession('dm-end', sessionId, 450);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await fx.experience('p1', one)).toBe(450);
  });

  it('lets only the DM end a session, and changes nothing otherwise', async () => {
    const campaignId = await fx.campaign('dm-only', ['p3']);
    const character = await fx.character('p3');
    await fx.joinParty('p3', campaignId, character);
    const sessionId = await fx.session('dm-only', campaignId);
    const result = await fx.endSession('p3', sessionId, 100);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await fx.sessionStatus('dm-only', campaignId)).toEqual(['SCHEDULED']);
    expect(await fx.experience('p3', character)).toBe(0);
  });

  it('answers clear codes for bad input', async () => {
    expect((await fx.endSession('dm', 'not-a-uuid', 10)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await fx.endSession('dm', randomUUID(), 10)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await platform.gql('mutation { endSession(input: { sessionId: "x", xpAwarded: 1 }) { sessionId } }', {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await fx.ok('query($id: ID!) { transaction(id: $id) { id } }', { id: randomUUID() }, 'dm');
    expect(unknown.transaction).toBeNull();
  });
});

describe('setCharacterPortrait', () => {
  it('stores the image and links it', async () => {
    const characterId = await fx.character('painter');
    const result = await platform.gql(SET_PORTRAIT, { input: { characterId, dataBase64: PORTRAIT } }, 'painter');
    expect(result.errors).toBeUndefined();
    const { character, image } = result.data!.setCharacterPortrait;
    expect(character.portraitImageId).toBe(image.id);
    expect(image.kind).toBe('PORTRAIT');
  });

  it('removes the stored image when the link fails (compensation)', async () => {
    const characterId = await fx.character('owner-x');
    const before = await fx.ok('{ images(first: 100) { edges { node { id } } } }', {}, 'intruder');
    const result = await platform.gql(SET_PORTRAIT, { input: { characterId, dataBase64: PORTRAIT } }, 'intruder');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const after = await fx.ok('{ images(first: 100) { edges { node { id } } } }', {}, 'intruder');
    expect(after.images.edges).toHaveLength(before.images.edges.length);
  });

  it('refuses bytes that are not an image before anything is linked', async () => {
    const characterId = await fx.character('sloppy');
    const result = await platform.gql(SET_PORTRAIT, { input: { characterId, dataBase64: Buffer.from('hello').toString('base64') } }, 'sloppy');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const character = await fx.ok('query($id: ID!) { character(id: $id) { portraitImageId } }', { id: characterId }, 'sloppy');
    expect(character.character.portraitImageId).toBeNull();
  });
});
