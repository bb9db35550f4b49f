/**
 * `npm run seed`: a demo campaign with a party of four through the gateway (GATEWAY_URL, default
 * http://127.0.0.1:4000), as real users would build it: the DM creates the campaign and invites the players,
 * each player creates a character with a portrait, joins and brings the character into the party, and the
 * DM records the first session with its experience. Running it again finds the campaign and stops.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAuthSecret } from '../lib/auth/secret.js';
import { gatewayClient, type GatewayClient } from './gateway-client.js';
import { gradientPng } from '../lib/images/png.js';
import { DEMO_CAMPAIGN, DEMO_CHARACTERS, DEMO_DM, DEMO_LOCATIONS, DEMO_NPCS, DEMO_QUESTS } from './seed-demo-data.js';

// 300 XP: exactly the level-2 threshold, so the seeded party shows a level-up.
const FIRST_SESSION_XP = 300;

export async function seedDemo(client: GatewayClient, log: (line: string) => void = console.log): Promise<{ campaignId: string; characterIds: string[] }> {
  const existing = await client.request<{ campaigns: { edges: Array<{ node: { id: string; name: string } }> } }>(
    DEMO_DM,
    '{ campaigns(first: 100) { edges { node { id name } } } }',
  );
  const found = existing.campaigns.edges.find((edge) => edge.node.name === DEMO_CAMPAIGN.name);
  if (found) {
    log(`already seeded: campaign "${DEMO_CAMPAIGN.name}" (${found.node.id})`);
    return { campaignId: found.node.id, characterIds: [] };
  }

  const { createCampaign } = await client.request<{ createCampaign: { campaign: { id: string } } }>(
    DEMO_DM,
    'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }',
    { input: DEMO_CAMPAIGN },
  );
  const campaignId = createCampaign.campaign.id;
  log(`campaign "${DEMO_CAMPAIGN.name}" ${campaignId}`);

  const characterIds: string[] = [];
  for (const demo of DEMO_CHARACTERS) {
    characterIds.push(await seedPlayer(client, campaignId, demo));
    log(`  ${demo.name} (${demo.player}) joined the party`);
  }

  for (const npc of DEMO_NPCS) {
    await client.request(DEMO_DM, 'mutation($input: CreateNpcInput!) { createNpc(input: $input) { npc { id } } }', { input: { campaignId, ...npc } });
  }
  for (const location of DEMO_LOCATIONS) {
    await client.request(DEMO_DM, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } } }', { input: { campaignId, ...location } });
  }
  for (const quest of DEMO_QUESTS) {
    await client.request(DEMO_DM, 'mutation($input: CreateQuestInput!) { createQuest(input: $input) { quest { id } } }', { input: { campaignId, ...quest } });
  }

  const { scheduleSession } = await client.request<{ scheduleSession: { session: { id: string } } }>(
    DEMO_DM,
    'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }',
    { input: { campaignId, title: 'Smoke over Hollowmere', scheduledFor: new Date().toISOString() } },
  );
  await client.request(
    DEMO_DM,
    // endSession: the session record and every party character's XP in one hub transaction.
    'mutation($input: EndSessionInput!) { endSession(input: $input) { sessionId transaction { state } } }',
    {
      input: {
        sessionId: scheduleSession.session.id,
        recap: 'The party tracked the lost caravan to a collapsed mine and found it emptied by smugglers.',
        dmNotes: 'The Ash Widow now knows their names.',
        xpAwarded: FIRST_SESSION_XP,
      },
    },
  );
  log(`session 1 recorded: ${FIRST_SESSION_XP} XP to each party character`);
  return { campaignId, characterIds };
}

async function seedPlayer(client: GatewayClient, campaignId: string, demo: (typeof DEMO_CHARACTERS)[number]): Promise<string> {
  await client.request(DEMO_DM, 'mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { campaign { id } } }', {
    input: { campaignId, userId: demo.player },
  });
  await client.request(demo.player, 'mutation($input: JoinCampaignInput!) { joinCampaign(input: $input) { campaign { id } } }', {
    input: { campaignId },
  });
  const { player: _player, colors: _colors, ...fields } = demo;
  const { createCharacter } = await client.request<{ createCharacter: { character: { id: string } } }>(
    demo.player,
    'mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }',
    { input: fields },
  );
  const characterId = createCharacter.character.id;
  // Stored and linked in one hub transaction (no orphan image if the link fails).
  await client.request(
    demo.player,
    'mutation($input: SetCharacterPortraitInput!) { setCharacterPortrait(input: $input) { image { id } } }',
    { input: { characterId, dataBase64: gradientPng(128, 128, ...demo.colors).toString('base64'), prompt: `Portrait of ${demo.name}` } },
  );
  // joinParty: the campaign's party and the character's active campaign change together.
  await client.request(demo.player, 'mutation($input: JoinPartyInput!) { joinParty(input: $input) { campaign { id } } }', {
    input: { campaignId, characterId },
  });
  const race = demo.race.toLowerCase().replace(/_/g, ' ');
  await client.request(demo.player, 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { id } } }', {
    input: {
      kind: 'BACKSTORY',
      context: { characterId, characterName: demo.name, race, characterClass: demo.class.toLowerCase(), background: demo.background, alignment: demo.alignment.toLowerCase().replace(/_/g, ' '), campaignId, campaignName: DEMO_CAMPAIGN.name, setting: DEMO_CAMPAIGN.setting },
    },
  });
  return characterId;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const url = `${process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000'}/graphql`;
  try {
    await seedDemo(gatewayClient(url, loadAuthSecret().secret));
    console.log(`done: open ${url} and run the example query`);
  } catch (err) {
    console.error(`seed failed: ${(err as Error).message}\nIs the platform running (npm start)?`);
    process.exit(1);
  }
}
