/**
 * bench/platform's data: bench/gateway-overhead's seed (32 campaigns, 64 players, 128 party characters with
 * portraits and backstories), plus what the campaign page and the writes need: sessions and NPCs in every campaign,
 * and one character per player in no campaign, which only its owner updates (its version is known to the load).
 */
import type { GatewayClient } from '../../scripts/gateway-client.js';
import { characterTemplate, inParallel, PLAYERS, playerId, SEED_CONCURRENCY, seedBenchData, type BenchData } from '../gateway-overhead/seed.js';

export interface PlatformData extends BenchData {
  /** Each player's character in no campaign, by player index: the target of updateCharacter. */
  solo: Array<{ id: string; owner: string }>;
}

// Two sessions and three NPCs: a campaign page with lists to fetch, the size of a few evenings of play.
const SESSIONS = 2;
const NPCS: Array<{ name: string; visibility: string }> = [
  { name: 'Innkeeper', visibility: 'PUBLIC' },
  { name: 'Quest giver', visibility: 'PARTY' },
  { name: 'Villain', visibility: 'DM_ONLY' },
];

export async function seedPlatformData(client: GatewayClient): Promise<PlatformData> {
  const data = await seedBenchData(client);
  await inParallel(data.campaigns.length, SEED_CONCURRENCY, async (c) => {
    const campaign = data.campaigns[c];
    if (!campaign) return;
    for (let n = 0; n < SESSIONS; n++) {
      await client.request(campaign.dm, 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }', {
        input: { campaignId: campaign.id, title: `Session ${n + 1} of ${campaign.name}`, scheduledFor: new Date(Date.UTC(2027, 0, 1 + 7 * n)).toISOString() },
      });
    }
    for (const npc of NPCS) {
      await client.request(campaign.dm, 'mutation($input: CreateNpcInput!) { createNpc(input: $input) { npc { id } } }', {
        input: { campaignId: campaign.id, name: npc.name, description: `The ${npc.name.toLowerCase()} of ${campaign.name}.`, visibility: npc.visibility },
      });
    }
  });
  const solo: PlatformData['solo'] = [];
  await inParallel(PLAYERS, SEED_CONCURRENCY, async (player) => {
    const owner = playerId(player);
    const { createCharacter } = await client.request<{ createCharacter: { character: { id: string } } }>(
      owner,
      'mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }',
      // Slot 2: the gateway-overhead seed used slots 0 and 1 of each player.
      { input: characterTemplate(player, 2).fields },
    );
    solo[player] = { id: createCharacter.character.id, owner };
  });
  return { ...data, solo };
}

/** The current version of every solo character, by id: updateCharacter's expectedVersion at the start of a run. */
export async function soloVersions(client: GatewayClient, data: PlatformData): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  await inParallel(data.solo.length, SEED_CONCURRENCY, async (n) => {
    const solo = data.solo[n];
    if (!solo) return;
    const { character } = await client.request<{ character: { version: number } }>(solo.owner, 'query($id: ID!) { character(id: $id) { version } }', {
      id: solo.id,
    });
    versions[solo.id] = character.version;
  });
  return versions;
}
