/**
 * The platform as its users meet it: five real processes, real HTTP through the gateway, real SQL.
 * The demo seed builds a campaign the way players and a DM would; then one query spans all four subgraphs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClients } from '../scripts/sdk-clients.js';
import { seedDemo } from '../scripts/seed-demo.js';
import { DEMO_CAMPAIGN, DEMO_CHARACTERS, DEMO_DM } from '../scripts/seed-demo-data.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from './helpers/platform.js';

let platform: TestPlatform;
let seeded: { campaignId: string; characterIds: string[] };

beforeAll(async () => {
  platform = await startTestPlatform();
  seeded = await seedDemo(sdkClients(`${platform.url}/graphql`, E2E_SECRET), () => undefined);
});
afterAll(async () => platform?.stop());

const PARTY_OVERVIEW = `query PartyOverview {
  characters(first: 10) {
    edges { node { id name race class level armorClass maxHitPoints experience
      campaign { id name setting party { name class level } }
      portrait { url width height mimeType }
      generations(first: 1) { text provider } } }
  }
}`;

describe('a campaign built through the gateway', () => {
  it('answers one query spanning character, campaign, image and llm', async () => {
    const result = await platform.gql(PARTY_OVERVIEW, {}, DEMO_DM);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.characters.edges.map((edge: { node: any }) => edge.node);
    expect(nodes).toHaveLength(DEMO_CHARACTERS.length);
    const brakka = nodes.find((node: any) => node.name === 'Brakka Stonehew');
    // Level 2 after the first session's 300 XP; chain mail 16 + shield 2 = AC 18 (dex ignored by heavy armour).
    expect(brakka).toMatchObject({ race: 'HILL_DWARF', class: 'FIGHTER', level: 2, experience: 300, armorClass: 18 });
    // Fighter d10, CON 14 (+2, hill dwarf +2 CON = 16 -> +3), hill dwarf toughness +1/level: (10+3+1) + (6+3+1) = 24.
    expect(brakka.maxHitPoints).toBe(24);
    expect(brakka.campaign).toMatchObject({ id: seeded.campaignId, name: DEMO_CAMPAIGN.name });
    expect(brakka.campaign.party).toHaveLength(DEMO_CHARACTERS.length);
    expect(brakka.portrait).toMatchObject({ width: 128, height: 128, mimeType: 'image/png' });
    expect(brakka.portrait.url).toMatch(/^\/images\/[0-9a-f-]{36}$/);
    expect(brakka.generations[0].provider).toBe('local');
    expect(brakka.generations[0].text).toContain('Brakka Stonehew');
  });

  it('serves portrait bytes through the gateway with type, ETag and cache headers', async () => {
    const result = await platform.gql(PARTY_OVERVIEW, {}, DEMO_DM);
    const url = result.data!.characters.edges[0].node.portrait.url as string;
    const response = await fetch(`${platform.url}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const etag = response.headers.get('etag');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const again = await fetch(`${platform.url}${url}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('shows DM-only content to the DM and never to a player', async () => {
    const query = `query($id: ID!) { campaign(id: $id) { npcs { name visibility } locations { name } quests { title }
      sessions { number status recap dmNotes xpAwarded } } }`;
    const dm = await platform.gql(query, { id: seeded.campaignId }, DEMO_DM);
    const player = await platform.gql(query, { id: seeded.campaignId }, 'demo-player-1');
    expect(dm.data!.campaign.npcs.map((npc: any) => npc.name)).toContain('The Ash Widow');
    expect(dm.data!.campaign.sessions[0]).toMatchObject({ number: 1, status: 'PLAYED', xpAwarded: 300, dmNotes: expect.any(String) });
    const playerView = JSON.stringify(player.data);
    expect(player.errors).toBeUndefined();
    expect(playerView).not.toContain('Ash Widow');
    expect(playerView).not.toContain('Cinder Temple');
    expect(player.data!.campaign.sessions[0].dmNotes).toBeNull();
    expect(player.data!.campaign.quests.map((quest: any) => quest.title)).toContain('The missing caravan');
    // A stranger sees the public part only: no party quest.
    const stranger = await platform.gql(query, { id: seeded.campaignId }, 'someone-else');
    expect(JSON.stringify(stranger.data)).not.toContain('missing caravan');
  });

  it('lets the DM award experience to a party character across services, and no one else', async () => {
    const [characterId] = seeded.characterIds;
    const award = `mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { experience level } leveledUp } }`;
    const byDm = await platform.gql(award, { input: { characterId, amount: 600, reason: 'Slew the ash drake' } }, DEMO_DM);
    expect(byDm.errors).toBeUndefined();
    expect(byDm.data!.awardExperience).toMatchObject({ character: { experience: 900, level: 3 }, leveledUp: true });
    const byStranger = await platform.gql(award, { input: { characterId, amount: 100 } }, 'someone-else');
    expect(byStranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to put a character in a second active campaign', async () => {
    const [characterId] = seeded.characterIds;
    const owner = DEMO_CHARACTERS[0]!.player;
    const created = await platform.gql(
      'mutation { createCampaign(input: { name: "Second table", setting: "Elsewhere", description: "" }) { campaign { id } } }',
      {},
      owner,
    );
    const secondId = created.data!.createCampaign.campaign.id;
    const result = await platform.gql(
      'mutation($input: JoinPartyInput!) { joinParty(input: $input) { campaign { id } } }',
      { input: { campaignId: secondId, characterId } },
      owner,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it("does not let a player add someone else's character to a party", async () => {
    const created = await platform.gql(
      'mutation { createCampaign(input: { name: "Thief table", setting: "Anywhere", description: "" }) { campaign { id } } }',
      {},
      'thief',
    );
    const result = await platform.gql(
      'mutation($input: JoinPartyInput!) { joinParty(input: $input) { campaign { id } } }',
      { input: { campaignId: created.data!.createCampaign.campaign.id, characterId: seeded.characterIds[1] } },
      'thief',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('finds the campaign on a second seed instead of duplicating it', async () => {
    const again = await seedDemo(sdkClients(`${platform.url}/graphql`, E2E_SECRET), () => undefined);
    expect(again.campaignId).toBe(seeded.campaignId);
  });
});
