/**
 * `npm run seed`: a demo campaign with a party of four through the gateway (GATEWAY_URL, default
 * http://127.0.0.1:4000), as real users would build it, with the frontend SDK's typed operations: the DM creates
 * the campaign and invites the players, each player creates a character with a portrait, joins and brings the
 * character into the party, and the DM records the first session with its experience. Running it again finds the
 * campaign and stops.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateCampaignDocument,
  CreateCharacterDocument,
  CreateLocationDocument,
  CreateNpcDocument,
  CreateQuestDocument,
  EndSessionDocument,
  GenerateTextDocument,
  InvitePlayerDocument,
  JoinCampaignDocument,
  JoinPartyDocument,
  MyCampaignsDocument,
  ScheduleSessionDocument,
  UploadPortraitDocument,
} from '../frontend-sdk/src/index.js';
import { loadAuthSecret } from '#lib/auth/secret.js';
import { gradientPng } from '#lib/images/png.js';
import { dataOf, gatewayGraphqlUrl, sdkClients, type SdkClients } from './sdk-clients.js';
import { DEMO_CAMPAIGN, DEMO_CHARACTERS, DEMO_DM, DEMO_LOCATIONS, DEMO_NPCS, DEMO_QUESTS, type DemoCharacter } from './seed-demo-data.js';

// 300 XP: exactly the level-2 threshold, so the seeded party shows a level-up.
const FIRST_SESSION_XP = 300;
// 100: the most a page holds; a demo DM has a handful of campaigns.
const CAMPAIGN_PAGE = 100;

export async function seedDemo(clients: SdkClients, log: (line: string) => void = console.log): Promise<{ campaignId: string; characterIds: string[] }> {
  const dm = clients(DEMO_DM);
  const existing = dataOf(await dm.request(MyCampaignsDocument, { first: CAMPAIGN_PAGE }), 'listing the campaigns');
  const found = existing.campaigns.edges.find((edge) => edge.node.name === DEMO_CAMPAIGN.name);
  if (found) {
    log(`already seeded: campaign "${DEMO_CAMPAIGN.name}" (${found.node.id})`);
    return { campaignId: found.node.id, characterIds: [] };
  }

  const campaignId = dataOf(await dm.request(CreateCampaignDocument, { input: DEMO_CAMPAIGN }), 'createCampaign').createCampaign.campaign.id;
  log(`campaign "${DEMO_CAMPAIGN.name}" ${campaignId}`);

  const characterIds: string[] = [];
  for (const demo of DEMO_CHARACTERS) {
    characterIds.push(await seedPlayer(clients, campaignId, demo));
    log(`  ${demo.name} (${demo.player}) joined the party`);
  }

  for (const npc of DEMO_NPCS) dataOf(await dm.request(CreateNpcDocument, { input: { campaignId, ...npc } }), 'createNpc');
  for (const location of DEMO_LOCATIONS) dataOf(await dm.request(CreateLocationDocument, { input: { campaignId, ...location } }), 'createLocation');
  for (const quest of DEMO_QUESTS) dataOf(await dm.request(CreateQuestDocument, { input: { campaignId, ...quest } }), 'createQuest');

  const session = dataOf(
    await dm.request(ScheduleSessionDocument, { campaignId, title: 'Smoke over Hollowmere', scheduledFor: new Date().toISOString() }),
    'scheduleSession',
  ).scheduleSession.session;
  // endSession: the session record and every party character's XP in one hub transaction.
  const ended = await dm.request(EndSessionDocument, {
    sessionId: session.id,
    recap: 'The party tracked the lost caravan to a collapsed mine and found it emptied by smugglers.',
    dmNotes: 'The Ash Widow now knows their names.',
    xpAwarded: FIRST_SESSION_XP,
  });
  dataOf(ended, 'endSession');
  log(`session 1 recorded: ${FIRST_SESSION_XP} XP to each party character`);
  return { campaignId, characterIds };
}

async function seedPlayer(clients: SdkClients, campaignId: string, demo: DemoCharacter): Promise<string> {
  const player = clients(demo.player);
  dataOf(await clients(DEMO_DM).request(InvitePlayerDocument, { input: { campaignId, userId: demo.player } }), 'invitePlayer');
  dataOf(await player.request(JoinCampaignDocument, { campaignId }), 'joinCampaign');
  const { player: _player, colors, ...fields } = demo;
  const characterId = dataOf(await player.request(CreateCharacterDocument, { input: fields }), 'createCharacter').createCharacter.character.id;
  // Stored and linked in one hub transaction (no orphan image if the link fails).
  const portrait = gradientPng(128, 128, ...colors).toString('base64');
  dataOf(
    await player.request(UploadPortraitDocument, { input: { characterId, dataBase64: portrait, prompt: `Portrait of ${demo.name}` } }),
    'setCharacterPortrait',
  );
  // joinParty: the campaign's party and the character's active campaign change together.
  dataOf(await player.request(JoinPartyDocument, { campaignId, characterId }), 'joinParty');
  const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');
  const context = {
    characterId,
    characterName: demo.name,
    race: words(demo.race),
    characterClass: demo.class.toLowerCase(),
    background: demo.background,
    alignment: words(demo.alignment),
    campaignId,
    campaignName: DEMO_CAMPAIGN.name,
    setting: DEMO_CAMPAIGN.setting,
  };
  dataOf(await player.request(GenerateTextDocument, { input: { kind: 'BACKSTORY', context } }), 'generateText');
  return characterId;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const url = gatewayGraphqlUrl();
  try {
    await seedDemo(sdkClients(url, loadAuthSecret().secret));
    console.log(`done: open ${url} and run the example query`);
  } catch (err) {
    console.error(`seed failed: ${(err as Error).message}\nIs the platform running (npm start)?`);
    process.exit(1);
  }
}
