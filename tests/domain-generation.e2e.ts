/**
 * The three domain generations on the real platform, first with the local provider, then against the stand-in
 * OpenAI server after hub.yaml is changed under the running platform (the llm reloads its providers): each service
 * asks the llm through the gateway with the typed gateway client, as the caller, and stores the result in its own
 * database.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { repoRoot } from '#lib/config/paths.js';
import { REPLY_WORDS, startOpenAiServer, type FakeServer } from './fakes/openai-server.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';

// 7 requests a minute per caller: room for every happy path below (two generations at most per user), and a limit
// one user reaches in a few calls to see RATE_LIMITED cross the services with its retryAfter. 7 because no whole
// number of requests at 7/min fits a window shorter than the minute, so the llm counts the whole minute and all 7
// may come at once (subgraphs/llm/src/limits/window-shape.ts); 5/min would allow one request per 12 s.
const PER_CALLER_RPM = 7;

let platform: TestPlatform;
let characterId: string;
let campaignId: string;

const CREATE_CHARACTER = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`;

let configDir: string;
let configFile: string;

/** The repository's hub.yaml with a low per-caller llm limit and, when given, other llm providers. */
function writeHubConfig(providers?: Record<string, unknown>): string {
  configDir ??= mkdtempSync(path.join(tmpdir(), 'domain-generation-'));
  const config = parse(readFileSync(path.join(repoRoot, 'hub.yaml'), 'utf8')) as { llm_service?: Record<string, unknown> };
  config.llm_service = {
    ...config.llm_service,
    limits: { per_caller: { requests_per_minute: PER_CALLER_RPM, tokens_per_minute: 100_000 } },
    ...(providers ? { providers } : {}),
  };
  configFile = path.join(configDir, 'hub.yaml');
  writeFileSync(configFile, stringify(config));
  return configFile;
}

beforeAll(async () => {
  platform = await startTestPlatform({ HUB_CONFIG: writeHubConfig() });
  const character = await platform.gql(
    CREATE_CHARACTER,
    {
      input: {
        name: 'Brakka Stonehew',
        race: 'HILL_DWARF',
        class: 'FIGHTER',
        background: 'Soldier',
        alignment: 'LAWFUL_GOOD',
        abilityScores: { strength: 15, dexterity: 12, constitution: 14, intelligence: 10, wisdom: 12, charisma: 8 },
      },
    },
    'player-1',
  );
  expect(character.errors).toBeUndefined();
  characterId = character.data!.createCharacter.character.id;
  const campaign = await platform.gql(
    CREATE_CAMPAIGN,
    { input: { name: 'Embers of Neverwinter', setting: 'The Sword Coast, after Mount Hotenow woke.' } },
    'dm-1',
  );
  expect(campaign.errors).toBeUndefined();
  campaignId = campaign.data!.createCampaign.campaign.id;
}, 200_000);
afterAll(async () => {
  await platform?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

const GENERATION = `query($id: ID!) { generation(id: $id) { id provider kind type characterId campaignId } }`;

describe('domain generation through the hub (local provider)', () => {
  it('generateBackstory stores the text as the backstory, readable afterwards', async () => {
    const result = await platform.gql(
      `mutation($input: GenerateBackstoryInput!) { generateBackstory(input: $input) { generationId character { id backstory version } } }`,
      { input: { characterId, seed: 42 } },
      'player-1',
    );
    expect(result.errors).toBeUndefined();
    const { generationId, character } = result.data!.generateBackstory;
    expect(character.backstory).toContain('Brakka Stonehew');
    expect(character.version).toBe(2);
    const read = await platform.gql(`query($id: ID!) { character(id: $id) { backstory } }`, { id: characterId }, 'player-1');
    expect(read.data!.character.backstory).toBe(character.backstory);
    // The llm recorded the generation for the caller, about this character.
    const generation = await platform.gql(GENERATION, { id: generationId }, 'player-1');
    expect(generation.data!.generation).toMatchObject({ id: generationId, provider: 'local', kind: 'BACKSTORY', characterId });

    const refused = await platform.gql(
      `mutation($input: GenerateBackstoryInput!) { generateBackstory(input: $input) { generationId } }`,
      { input: { characterId } },
      'player-2',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('generatePlotHooks stores hooks the DM sees in the campaign', async () => {
    const result = await platform.gql(
      `mutation($input: GeneratePlotHooksInput!) { generatePlotHooks(input: $input) { generationId plotHooks { id text position } } }`,
      { input: { campaignId, seed: 7 } },
      'dm-1',
    );
    expect(result.errors).toBeUndefined();
    const { generationId, plotHooks } = result.data!.generatePlotHooks;
    expect(plotHooks.length).toBeGreaterThanOrEqual(3);
    expect(plotHooks.map((hook: { position: number }) => hook.position)).toEqual(plotHooks.map((_hook: unknown, i: number) => i + 1));
    const read = await platform.gql(`query($id: ID!) { campaign(id: $id) { plotHooks { id text } } }`, { id: campaignId }, 'dm-1');
    expect(read.data!.campaign.plotHooks).toEqual(plotHooks.map(({ id, text }: { id: string; text: string }) => ({ id, text })));
    const generation = await platform.gql(GENERATION, { id: generationId }, 'dm-1');
    expect(generation.data!.generation).toMatchObject({ provider: 'local', kind: 'PLOT_HOOK', campaignId });

    const refused = await platform.gql(
      `mutation($input: GeneratePlotHooksInput!) { generatePlotHooks(input: $input) { generationId } }`,
      { input: { campaignId } },
      'player-1',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("generatePortrait makes a real 512x512 PNG the character's portrait, served through the gateway", async () => {
    const result = await platform.gql(
      `mutation($input: GeneratePortraitInput!) {
        generatePortrait(input: $input) { generationId transactionId image { id url width height mimeType prompt provider }
          character { id portrait { id url } } } }`,
      { input: { characterId, prompt: 'braided red beard', seed: 5 } },
      'player-1',
    );
    expect(result.errors).toBeUndefined();
    const { image, character, generationId } = result.data!.generatePortrait;
    expect(image).toMatchObject({ width: 512, height: 512, mimeType: 'image/png', provider: 'local' });
    expect(image.prompt).toContain('Brakka Stonehew');
    expect(image.prompt).toContain('braided red beard');
    expect(character.portrait).toEqual({ id: image.id, url: image.url });

    const read = await platform.gql(`query($id: ID!) { character(id: $id) { portraitImageId portrait { id provider } } }`, { id: characterId }, 'player-1');
    expect(read.data!.character).toEqual({ portraitImageId: image.id, portrait: { id: image.id, provider: 'local' } });
    const response = await fetch(new URL(image.url, platform.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR width and height, big-endian at bytes 16 and 20.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([512, 512]);
    const generation = await platform.gql(GENERATION, { id: generationId }, 'player-1');
    expect(generation.data!.generation).toMatchObject({ provider: 'local', type: 'IMAGE', characterId });

    const refused = await platform.gql(
      `mutation($input: GeneratePortraitInput!) { generatePortrait(input: $input) { generationId } }`,
      { input: { characterId } },
      'player-2',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await platform.gql(
      `mutation($input: GeneratePortraitInput!) { generatePortrait(input: $input) { generationId } }`,
      { input: { characterId: '00000000-0000-4000-8000-000000000000' } },
      'player-1',
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("passes the llm's RATE_LIMITED through the owning service to the client, with retryAfter, and stores nothing then", async () => {
    const created = await platform.gql(
      CREATE_CHARACTER,
      {
        input: {
          name: 'Mirna',
          race: 'LIGHTFOOT_HALFLING',
          class: 'ROGUE',
          abilityScores: { strength: 8, dexterity: 15, constitution: 12, intelligence: 13, wisdom: 10, charisma: 14 },
        },
      },
      'player-3',
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCharacter.character.id;
    const GENERATE = `mutation($input: GenerateBackstoryInput!) { generateBackstory(input: $input) { character { version } } }`;
    const codes: Array<string | undefined> = [];
    let limited: { extensions?: Record<string, any> } | undefined;
    for (let i = 0; i <= PER_CALLER_RPM; i++) {
      const result = await platform.gql(GENERATE, { input: { characterId: id } }, 'player-3');
      codes.push(result.errors?.[0]?.extensions?.code);
      limited ??= result.errors?.[0];
    }
    expect(codes.slice(0, PER_CALLER_RPM)).toEqual(Array(PER_CALLER_RPM).fill(undefined));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(limited?.extensions?.retryAfter).toBeGreaterThan(0);
    const read = await platform.gql(`query($id: ID!) { character(id: $id) { version } }`, { id }, 'player-3');
    expect(read.data!.character.version).toBe(1 + PER_CALLER_RPM);
  });
});

describe('domain generation through the hub (stand-in OpenAI server, after a hub.yaml reload)', () => {
  // Not a real key: the stand-in serves any key but its scenario ones; searched for in every answer below.
  const KEY = 'sk-domain-e2e-0123456789';
  let openai: FakeServer;
  const chats = () => openai.requests.filter((request) => request.path === '/v1/chat/completions');

  beforeAll(async () => {
    openai = await startOpenAiServer();
    // openai first: the domain services name no provider, so the first one configured serves them.
    writeHubConfig({
      openai: { base_url: `${openai.url}/v1`, api_keys: [KEY], model: 'gpt-4o-mini', image_model: 'dall-e-3', timeout: 10, fallback: ['local'] },
      local: {},
    });
    // The llm watches the file (150 ms debounce); 15 s is room for a loaded machine.
    const providerNames = async () =>
      JSON.stringify((await platform.gql('{ providers { name } }', undefined, 'player-1')).data?.providers.map((p: { name: string }) => p.name));
    const deadline = Date.now() + 15_000;
    while ((await providerNames()) !== '["openai","local"]' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await providerNames()).toBe('["openai","local"]');
  });
  afterAll(async () => openai?.close());

  it("generateBackstory sends the character's attributes over OpenAI's wire and stores the reply", async () => {
    const result = await platform.gql(
      `mutation($input: GenerateBackstoryInput!) { generateBackstory(input: $input) { generationId character { backstory } } }`,
      { input: { characterId } },
      'player-1',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.generateBackstory.character.backstory).toBe(REPLY_WORDS.join(' '));
    const sent = JSON.stringify(chats().at(-1)?.body);
    expect(sent).toContain('Brakka Stonehew');
    expect(sent).toContain('"stream":true');
    const generation = await platform.gql(GENERATION, { id: result.data!.generateBackstory.generationId }, 'player-1');
    expect(generation.data!.generation).toMatchObject({ provider: 'openai', kind: 'BACKSTORY', characterId });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('generatePlotHooks sends the campaign and stores the hooks it answers', async () => {
    const result = await platform.gql(
      `mutation($input: GeneratePlotHooksInput!) { generatePlotHooks(input: $input) { generationId plotHooks { text } } }`,
      { input: { campaignId } },
      'dm-1',
    );
    expect(result.errors).toBeUndefined();
    // The stand-in's reply is one paragraph without numbers: one hook, its whole text.
    expect(result.data!.generatePlotHooks.plotHooks.map((hook: { text: string }) => hook.text)).toEqual([REPLY_WORDS.join(' ')]);
    expect(JSON.stringify(chats().at(-1)?.body)).toContain('Embers of Neverwinter');
  });

  it("generatePortrait draws through OpenAI's images API and makes the PNG the portrait", async () => {
    const result = await platform.gql(
      `mutation($input: GeneratePortraitInput!) { generatePortrait(input: $input) { image { id url width height provider } character { portrait { id } } } }`,
      { input: { characterId } },
      'player-1',
    );
    expect(result.errors).toBeUndefined();
    const { image, character } = result.data!.generatePortrait;
    // dall-e-3 draws only 1024x1024 and wider or taller: the provider asks for the nearest size it has and the
    // image records the size it really is.
    expect(image).toMatchObject({ width: 1024, height: 1024, provider: 'openai' });
    expect(character.portrait).toEqual({ id: image.id });
    const drawn = openai.requests.filter((request) => request.path === '/v1/images/generations').at(-1);
    expect(drawn?.body).toMatchObject({ model: 'dall-e-3', size: '1024x1024', response_format: 'b64_json' });
    expect(JSON.stringify(drawn?.body)).toContain('Brakka Stonehew');
    const png = Buffer.from(await (await fetch(new URL(image.url, platform.url))).arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
