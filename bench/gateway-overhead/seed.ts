/**
 * The data bench/gateway-overhead reads, created through the gateway as users would: CAMPAIGNS campaigns, each with
 * a party of four; every player owns two characters, each in a different campaign's party, with a portrait (hub
 * transaction) and a generated backstory. So every character answers the benchmark query from all four subgraphs.
 */
import type { GatewayClient } from '../../scripts/gateway-client.js';
import { gradientPng } from '#lib/images/png.js';
import { DEMO_CHARACTERS } from '../../scripts/seed-demo-data.js';

// 32 campaigns of 4 = 64 players with two characters each: more distinct owners than the benchmark's 50
// connections, so that workload (b) never has two requests of one owner in flight at once.
export const CAMPAIGNS = 32;
const PARTY_SIZE = 4;
export const PLAYERS = (CAMPAIGNS * PARTY_SIZE) / 2;
// 8 players seeded at once: quick on two cores without queueing the subgraphs' single database connections deep.
export const SEED_CONCURRENCY = 8;

export const playerId = (n: number) => `bench-player-${n}`;
export const dmId = (n: number) => `bench-dm-${n}`;

/** What was seeded, for benchmarks that address it by id (bench/platform). */
export interface BenchData {
  campaigns: Array<{ id: string; name: string; dm: string }>;
  /** Every party character: its owner and the index of its campaign in `campaigns`. */
  characters: Array<{ id: string; owner: string; campaign: number }>;
}

/** Campaign c < CAMPAIGNS/2 holds players 4c..4c+3; campaign CAMPAIGNS/2 + k holds k, k+16, k+32, k+48. */
function campaignsOf(player: number): [number, number] {
  const half = CAMPAIGNS / 2;
  return [Math.floor(player / PARTY_SIZE), half + (player % half)];
}

export async function inParallel(count: number, limit: number, run: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await run(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** A demo character's CreateCharacterInput, named after the player and slot: e.g. `Ora 12-1`. */
export function characterTemplate(player: number, slot: number) {
  const template = DEMO_CHARACTERS[(player + slot) % DEMO_CHARACTERS.length];
  if (!template) throw new Error('no demo characters to copy');
  const { player: _player, colors, ...fields } = template;
  return { colors, fields: { ...fields, name: `${fields.name.split(' ')[0]} ${player}-${slot}` } };
}

async function seedCharacter(client: GatewayClient, player: number, campaign: { id: string; name: string }, slot: number): Promise<string> {
  const user = playerId(player);
  const { colors, fields } = characterTemplate(player, slot);
  const name = fields.name;
  await client.request(user, 'mutation($input: JoinCampaignInput!) { joinCampaign(input: $input) { campaign { id } } }', {
    input: { campaignId: campaign.id },
  });
  const { createCharacter } = await client.request<{ createCharacter: { character: { id: string } } }>(
    user,
    'mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }',
    { input: fields },
  );
  const characterId = createCharacter.character.id;
  await client.request(user, 'mutation($input: SetCharacterPortraitInput!) { setCharacterPortrait(input: $input) { image { id } } }', {
    input: { characterId, dataBase64: gradientPng(64, 64, colors[0], [player * 4, slot * 100, 90]).toString('base64'), prompt: `Portrait of ${name}` },
  });
  await client.request(user, 'mutation($input: JoinPartyInput!) { joinParty(input: $input) { campaign { id } } }', {
    input: { campaignId: campaign.id, characterId },
  });
  await client.request(user, 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { id } } }', {
    input: {
      kind: 'BACKSTORY',
      context: {
        characterId,
        characterName: name,
        characterClass: fields.class.toLowerCase(),
        background: fields.background,
        campaignId: campaign.id,
        campaignName: campaign.name,
      },
    },
  });
  return characterId;
}

export async function seedBenchData(client: GatewayClient): Promise<BenchData> {
  const campaigns: BenchData['campaigns'] = [];
  const characters: BenchData['characters'] = [];
  for (let c = 0; c < CAMPAIGNS; c++) {
    const name = `Bench campaign ${c}`;
    const { createCampaign } = await client.request<{ createCampaign: { campaign: { id: string } } }>(
      dmId(c),
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }',
      { input: { name, setting: `The ${c}th valley, where the benchmark's heroes gather.` } },
    );
    campaigns.push({ id: createCampaign.campaign.id, name, dm: dmId(c) });
  }
  await inParallel(PLAYERS, SEED_CONCURRENCY, async (player) => {
    const chosen = campaignsOf(player);
    for (let slot = 0; slot < chosen.length; slot++) {
      const index = chosen[slot] ?? 0;
      const campaign = campaigns[index];
      if (!campaign) throw new Error(`no campaign ${index}`);
      await client.request(dmId(index), 'mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { campaign { id } } }', {
        input: { campaignId: campaign.id, userId: playerId(player) },
      });
      characters.push({ id: await seedCharacter(client, player, campaign, slot), owner: playerId(player), campaign: index });
    }
  });
  return { campaigns, characters };
}
