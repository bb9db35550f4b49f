import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, prepare } from '../../../tests/helpers/branch-protocol.js';
import { CREATE_CAMPAIGN, startHarness, type Harness } from './test-harness.js';

const UPDATE = `mutation($input: UpdateCampaignInput!) {
  updateCampaign(input: $input) { campaign { id name setting description status updatedAt party { id } } } }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id name status dungeonMasterId myRole } }`;
const CAMPAIGNS = `query($first: Int, $after: String) {
  campaigns(first: $first, after: $after) { totalCount edges { cursor node { id name myRole } } pageInfo { hasNextPage endCursor } } }`;
const CHARACTER_CAMPAIGN = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Character { id campaign { id } } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('createCampaign', () => {
  it('makes the caller the dungeon master and its first active member', async () => {
    const data = await h.ok(CREATE_CAMPAIGN, { input: { name: '  Curse of Strahd ', setting: 'Barovia', description: 'Gothic horror.' } }, 'dm-a');
    const campaign = data.createCampaign.campaign;
    expect(campaign).toMatchObject({
      name: 'Curse of Strahd',
      setting: 'Barovia',
      description: 'Gothic horror.',
      status: 'ACTIVE',
      dungeonMasterId: 'dm-a',
      myRole: 'DM',
    });
    expect(campaign.members).toEqual([{ userId: 'dm-a', role: 'DM', status: 'ACTIVE', invitedAt: campaign.createdAt, joinedAt: campaign.createdAt }]);
  });

  it('rejects empty and oversized names and descriptions, writing nothing', async () => {
    const before = await h.ok(CAMPAIGNS, {}, 'dm-invalid');
    for (const input of [{ name: '   ' }, { name: 'x'.repeat(101) }, { name: 'Ok', description: 'd'.repeat(10_001) }]) {
      expect(await h.errorCode(CREATE_CAMPAIGN, { input }, 'dm-invalid')).toBe('BAD_USER_INPUT');
    }
    expect((await h.ok(CAMPAIGNS, {}, 'dm-invalid')).campaigns.totalCount).toBe(before.campaigns.totalCount);
  });

  it('needs a signed-in user', async () => {
    expect(await h.errorCode(CREATE_CAMPAIGN, { input: { name: 'Anonymous' } }, null)).toBe('UNAUTHENTICATED');
    expect(await h.errorCode(CAMPAIGN, { id: '00000000-0000-4000-8000-000000000000' }, null)).toBe('UNAUTHENTICATED');
  });
});

describe('updateCampaign', () => {
  it('lets the dungeon master change fields and clear optional ones', async () => {
    const id = await h.createCampaign('dm-b');
    const data = await h.ok(UPDATE, { input: { id, name: 'Storm King', setting: null, description: 'Giants!' } }, 'dm-b');
    expect(data.updateCampaign.campaign).toMatchObject({ id, name: 'Storm King', setting: null, description: 'Giants!' });
    expect(await h.errorCode(UPDATE, { input: { id, name: null } }, 'dm-b')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(UPDATE, { input: { id, name: '' } }, 'dm-b')).toBe('BAD_USER_INPUT');
  });

  it('is FORBIDDEN for players and strangers, NOT_FOUND for unknown ids', async () => {
    const id = await h.createCampaign('dm-c');
    await h.addPlayer(id, 'dm-c', 'player-c');
    expect(await h.errorCode(UPDATE, { input: { id, name: 'Mine now' } }, 'player-c')).toBe('FORBIDDEN');
    expect(await h.errorCode(UPDATE, { input: { id, status: 'ARCHIVED' } }, 'stranger')).toBe('FORBIDDEN');
    expect(await h.errorCode(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', name: 'x' } }, 'dm-c')).toBe('NOT_FOUND');
    expect(await h.errorCode(UPDATE, { input: { id: 'not-a-uuid', name: 'x' } }, 'dm-c')).toBe('NOT_FOUND');
    expect((await h.ok(CAMPAIGN, { id }, 'player-c')).campaign).toMatchObject({ name: 'Lost Mine of Phandelver', status: 'ACTIVE' });
  });

  it('archiving refuses (CONFLICT) while the party is not empty; once it is, the characters may join elsewhere', async () => {
    const id = await h.createCampaign('dm-d');
    await h.addPlayer(id, 'dm-d', 'player-d');
    const characterId = await h.seedPartyCharacter(id, 'player-d');
    const entity = () => h.ok(CHARACTER_CAMPAIGN, { representations: [{ __typename: 'Character', id: characterId }] }, 'player-d');
    expect((await entity())._entities[0].campaign).toEqual({ id });

    expect(await h.errorCode(UPDATE, { input: { id, name: 'Renamed', status: 'ARCHIVED' } }, 'dm-d')).toBe('CONFLICT');
    // Refused as a whole: the rename that came with it did not happen either.
    expect((await h.ok(CAMPAIGN, { id }, 'dm-d')).campaign).toMatchObject({ name: 'Lost Mine of Phandelver', status: 'ACTIVE' });
    expect((await entity())._entities[0].campaign).toEqual({ id });

    const left = await h.branch('leaveParty', { campaignId: id, characterId }, 'player-d');
    expect(left.errorCode).toBeUndefined();
    const data = await h.ok(UPDATE, { input: { id, status: 'ARCHIVED' } }, 'dm-d');
    expect(data.updateCampaign.campaign).toMatchObject({ status: 'ARCHIVED', party: [] });
    expect((await entity())._entities[0].campaign).toBeNull();

    const other = await h.createCampaign('dm-e');
    await h.addPlayer(other, 'dm-e', 'player-d');
    await h.seedPartyCharacter(other, 'player-d', characterId);
    expect((await entity())._entities[0].campaign).toEqual({ id: other });
  });

  it('archiving refuses (CONFLICT) while a joinParty of the campaign is prepared and not yet decided', async () => {
    const id = await h.createCampaign('dm-f');
    const pending = await prepare(h.client, { operation: 'joinParty', payload: { campaignId: id, characterId: randomUUID() }, actor: 'dm-f' });
    expect(pending.errorCode).toBeUndefined();
    expect(await h.errorCode(UPDATE, { input: { id, status: 'ARCHIVED' } }, 'dm-f')).toBe('CONFLICT');
    // The hub aborts the join: nothing holds the campaign open any more.
    expect(await decide(h.client, pending.transactionId, 'abort')).toEqual({ state: 'ABORTED' });
    expect((await h.ok(UPDATE, { input: { id, status: 'ARCHIVED' } }, 'dm-f')).updateCampaign.campaign).toMatchObject({ status: 'ARCHIVED', party: [] });
  });
});

describe('Query.campaigns', () => {
  it('lists the campaigns the caller belongs to, newest first, page by page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await h.createCampaign('dm-list', `Campaign ${i}`));
    const invitedTo = await h.createCampaign('other-dm', 'Invited');
    await h.ok(
      `mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { member { status } } }`,
      { input: { campaignId: invitedTo, userId: 'dm-list' } },
      'other-dm',
    );
    await h.createCampaign('other-dm', 'Not mine');

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await h.ok(CAMPAIGNS, { first: 2, after }, 'dm-list');
      expect(data.campaigns.totalCount).toBe(6);
      seen.push(...data.campaigns.edges.map((edge: any) => edge.node.id));
      if (!data.campaigns.pageInfo.hasNextPage) break;
      after = data.campaigns.pageInfo.endCursor;
    }
    expect(seen).toEqual([invitedTo, ...ids.reverse()]);
    expect(await h.errorCode(CAMPAIGNS, { after: 'garbage' }, 'dm-list')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(CAMPAIGNS, { first: 101 }, 'dm-list')).toBe('BAD_USER_INPUT');
  });
});
