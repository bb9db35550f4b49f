/**
 * bench/n-plus-one: SQL statements per subgraph for one query listing 1, 20 and then 100 characters with their
 * campaign, portrait and the campaign's party. With DataLoaders behind every reference and list the counts
 * are equal (one statement per entity type per request); an N+1 shows as a count that grows with the list.
 * Run: npm run bench:n-plus-one
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES, type ServiceName } from '#lib/config/services.js';
import { gatewayClient } from '../scripts/gateway-client.js';
import { startPlatform } from '../scripts/platform.js';
import { gradientPng } from '#lib/images/png.js';
import { statementCount } from './shared/statement-count.js';

const CAMPAIGNS = 10;
const CHARACTERS_PER_CAMPAIGN = 10;
const DM = 'bench-dm';
// 1, 20 and 100: one item, a page of the README's lists, and the longest page a list gives.
const LIST_SIZES = [1, 20, 100];

const QUERY = `query($first: Int!) { characters(first: $first) { edges { node {
  id name level armorClass
  campaign { id name party { id name level } }
  portrait { id url width }
} } } }`;

async function statements(ports: Record<ServiceName, number>): Promise<Record<ServiceName, number>> {
  const counts = {} as Record<ServiceName, number>;
  for (const service of SERVICES) counts[service] = await statementCount(ports[service], service, secret);
  return counts;
}

const secret = randomBytes(32).toString('hex');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-n1-'));
const platform = await startPlatform({ ports: 'free', dataDir, env: { AUTH_JWT_SECRET: secret }, onLine: () => undefined });
try {
  const client = gatewayClient(`${platform.url}/graphql`, secret);
  const png = gradientPng(32, 32, [10, 20, 30], [200, 150, 100]).toString('base64');
  for (let c = 0; c < CAMPAIGNS; c++) {
    const player = `bench-player-${c}`;
    const { createCampaign } = await client.request<any>(DM, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
      input: { name: `Campaign ${c}`, setting: 'Bench', description: '' },
    });
    const campaignId = createCampaign.campaign.id as string;
    await client.request(DM, `mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { campaign { id } } }`, {
      input: { campaignId, userId: player },
    });
    await client.request(player, `mutation($input: JoinCampaignInput!) { joinCampaign(input: $input) { campaign { id } } }`, { input: { campaignId } });
    for (let i = 0; i < CHARACTERS_PER_CAMPAIGN; i++) {
      const { uploadImage } = await client.request<any>(player, `mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id } } }`, {
        input: { kind: 'PORTRAIT', dataBase64: png },
      });
      const { createCharacter } = await client.request<any>(
        player,
        `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }`,
        {
          input: {
            name: `Hero ${c}-${i}`,
            race: 'HUMAN',
            class: 'FIGHTER',
            portraitImageId: uploadImage.image.id,
            abilityScores: { strength: 15, dexterity: 14, constitution: 13, intelligence: 12, wisdom: 10, charisma: 8 },
          },
        },
      );
      await client.request(player, `mutation($input: JoinPartyInput!) { joinParty(input: $input) { campaign { id } } }`, {
        input: { campaignId, characterId: createCharacter.character.id },
      });
    }
  }

  const rows: Array<{ first: number; counts: Record<ServiceName, number> }> = [];
  for (const first of LIST_SIZES) {
    await client.request(DM, QUERY, { first }); // warm-up: the gateway plans the query once
    const before = await statements(platform.ports);
    const data = await client.request<any>(DM, QUERY, { first });
    const after = await statements(platform.ports);
    if (data.characters.edges.length !== first) throw new Error(`expected ${first} characters, got ${data.characters.edges.length}`);
    const counts = {} as Record<ServiceName, number>;
    for (const service of SERVICES) counts[service] = after[service] - before[service];
    rows.push({ first, counts });
  }
  console.log('SQL statements per subgraph for one query (characters with campaign, party and portrait):');
  console.log(`${'characters'.padEnd(12)}${SERVICES.map((s) => s.padStart(11)).join('')}`);
  for (const row of rows) console.log(`${String(row.first).padEnd(12)}${SERVICES.map((s) => String(row.counts[s]).padStart(11)).join('')}`);
  const equal = SERVICES.every((s) => rows.every((row) => row.counts[s] === rows[0]!.counts[s]));
  console.log(equal ? 'equal: no N+1 (statement count does not grow with the list)' : 'NOT EQUAL: some resolver issues a query per item');
  process.exitCode = equal ? 0 : 1;
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
