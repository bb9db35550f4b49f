import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignMembers, campaigns, gameSessions, locations, npcs, partyCharacters, quests } from './db/schema.js';
import { startHarness, type Harness } from './test-harness.js';

// The N+1 guard: statements per request must not grow with the number of campaigns or characters.
const CHARACTERS = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Character { id campaign { id name myRole members { userId } party { id } sessions { number dmNotes } npcs { name } locations { name } quests { title } } } } }`;
const CHARACTER_CAMPAIGN_NAMES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Character { id campaign { id name } } } }`;
const CAMPAIGN_REFERENCES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Campaign { id name } } }`;
const CAMPAIGNS = `query($first: Int) { campaigns(first: $first) { edges { node {
  id myRole members { userId } party { id } sessions { number dmNotes } npcs { name } locations { name } quests { title } } } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Seeds `count` campaigns run by `dm`, each with a player, two party characters and one row of every kind of content. */
async function seedCampaigns(dm: string, count: number): Promise<{ campaignIds: string[]; characterIds: string[] }> {
  const db = h.database.db;
  const rows = await db
    .insert(campaigns)
    .values(Array.from({ length: count }, (_, i) => ({ name: `Campaign ${i}`, dungeonMasterId: dm })))
    .returning({ id: campaigns.id });
  const campaignIds = rows.map((row) => row.id);
  await db.insert(campaignMembers).values(
    campaignIds.flatMap((campaignId) => [
      { campaignId, userId: dm, role: 'DM' as const, status: 'ACTIVE' as const },
      { campaignId, userId: `${dm}-player`, role: 'PLAYER' as const, status: 'ACTIVE' as const },
    ]),
  );
  const party = campaignIds.flatMap((campaignId) => [1, 2].map(() => ({ campaignId, characterId: randomUUID(), ownerId: `${dm}-player` })));
  await db.insert(partyCharacters).values(party);
  await db.insert(gameSessions).values(campaignIds.map((campaignId) => ({ campaignId, number: 1, title: 'One', dmNotes: 'secret' })));
  await db.insert(npcs).values(campaignIds.map((campaignId) => ({ campaignId, name: 'Sildar', visibility: 'PARTY' as const })));
  await db.insert(locations).values(campaignIds.map((campaignId) => ({ campaignId, name: 'Phandalin', visibility: 'PUBLIC' as const })));
  await db.insert(quests).values(campaignIds.map((campaignId) => ({ campaignId, title: 'Secret', visibility: 'DM_ONLY' as const })));
  return { campaignIds, characterIds: party.map((row) => row.characterId) };
}

/** Runs a query and answers how many SQL statements it took. */
async function statementsFor(query: string, variables: Record<string, unknown>, userId: string) {
  const before = h.database.stats.statements;
  const data = await h.ok(query, variables, userId);
  return { data, statements: h.database.stats.statements - before };
}

const characterRefs = (ids: string[]) => ids.map((id) => ({ __typename: 'Character', id }));

describe('DataLoaders', () => {
  it('Character.campaign for any number of characters is one SQL statement', async () => {
    const { characterIds, campaignIds } = await seedCampaigns('dm-entities', 50);
    const unknown = randomUUID();
    const few = await statementsFor(CHARACTER_CAMPAIGN_NAMES, { representations: characterRefs(characterIds.slice(0, 10)) }, 'anyone');
    const many = await statementsFor(CHARACTER_CAMPAIGN_NAMES, { representations: characterRefs([...characterIds, unknown, 'not-a-uuid']) }, 'anyone');
    expect(few.statements).toBe(1);
    expect(many.statements).toBe(1);
    expect(many.data._entities).toHaveLength(102);
    expect(many.data._entities[0].campaign.id).toBe(campaignIds[0]);
    expect(many.data._entities.slice(-2).map((entity: any) => entity.campaign)).toEqual([null, null]);
  });

  it('every per-campaign list takes the same number of statements for 10 or 100 characters', async () => {
    const { characterIds } = await seedCampaigns('dm-lists', 50);
    const few = await statementsFor(CHARACTERS, { representations: characterRefs(characterIds.slice(0, 10)) }, 'dm-lists-player');
    const many = await statementsFor(CHARACTERS, { representations: characterRefs(characterIds) }, 'dm-lists-player');
    expect(many.data._entities).toHaveLength(100);
    // 1 (characters' campaigns) + members + party + sessions + npcs + locations + quests.
    expect(few.statements).toBe(7);
    expect(many.statements).toBe(few.statements);
    const campaign = many.data._entities[0].campaign;
    expect(campaign).toMatchObject({ myRole: 'PLAYER', sessions: [{ number: 1, dmNotes: null }], quests: [] });
    expect(campaign.party).toHaveLength(2);
  });

  it('Query.campaigns with nested lists is a constant number of statements, whatever the page size', async () => {
    await seedCampaigns('dm-page', 40);
    const few = await statementsFor(CAMPAIGNS, { first: 5 }, 'dm-page');
    const many = await statementsFor(CAMPAIGNS, { first: 40 }, 'dm-page');
    expect(many.data.campaigns.edges).toHaveLength(40);
    expect(many.data.campaigns.edges[0].node.sessions).toEqual([{ number: 1, dmNotes: 'secret' }]);
    expect(many.statements).toBe(few.statements);
  });

  it('Campaign.__resolveReference batches every representation into one statement', async () => {
    const { campaignIds } = await seedCampaigns('dm-refs', 30);
    const { data, statements } = await statementsFor(
      CAMPAIGN_REFERENCES,
      { representations: campaignIds.map((id) => ({ __typename: 'Campaign', id })) },
      'anyone',
    );
    expect(statements).toBe(1);
    expect(data._entities.map((campaign: any) => campaign.id)).toEqual(campaignIds);
  });
});
