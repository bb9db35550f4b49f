/**
 * The hostile-input suite, what a player may see: a player (or a stranger) reaching for a DM's generations, a
 * party member's prompts, and a campaign they were removed from, by every path the bytes take (query fields, a
 * generation by id, `_entities` as the gateway would send it). Each attempt reads nothing of the secret text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { samplePng } from '../../subgraphs/image/src/testing/sample-images.js';
import { subscribeOverSse } from '../helpers/subscriptions.js';
import { gameFixtures } from '../helpers/game-fixtures.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { expectNoLeak } from './expect-refused.js';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;
let campaignId: string;
let characterId: string;
let backstoryId: string;
let plotHookId: string;
const PLOT_HOOK_PROMPT = 'The paladin Ilse secretly serves the Ash Widow and will betray the party at the ford';

const GENERATE = 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { id text } } }';
const GENERATIONS = 'query($id: ID!) { character(id: $id) { generations(first: 20) { id prompt text } } }';
const BY_ID = 'query($id: ID!) { generation(id: $id) { id prompt text } }';

beforeAll(async () => {
  platform = await startTestPlatform();
  fx = gameFixtures(platform);
  campaignId = await fx.campaign('vis-dm', ['vis-player', 'vis-other']);
  characterId = await fx.character('vis-player', 'Ilse');
  expect((await fx.joinParty('vis-player', campaignId, characterId)).errors).toBeUndefined();
  const context = { characterId, characterName: 'Ilse', campaignId };
  const backstory = await fx.ok(GENERATE, { input: { kind: 'BACKSTORY', context } }, 'vis-player');
  backstoryId = backstory.generateText.generation.id;
  const hook = await fx.ok(GENERATE, { input: { kind: 'PLOT_HOOK', prompt: PLOT_HOOK_PROMPT, context } }, 'vis-dm');
  plotHookId = hook.generateText.generation.id;
});
afterAll(async () => platform?.stop());

const idsSeenBy = async (user: string) => ((await fx.ok(GENERATIONS, { id: characterId }, user)).character?.generations ?? []).map((g: { id: string }) => g.id);

describe('generations', () => {
  it("a player's campaign-linked backstory reaches its requester and the campaign's DM, nobody else at the table", async () => {
    expect(await idsSeenBy('vis-player')).toContain(backstoryId);
    expect(await idsSeenBy('vis-dm')).toEqual(expect.arrayContaining([backstoryId, plotHookId]));
    const other = await platform.gql(GENERATIONS, { id: characterId }, 'vis-other');
    expect(JSON.stringify(other)).not.toContain(backstoryId);
  });

  it("the DM's plot hook about a player's character never reaches that player: not in the list, not by id", async () => {
    const list = await platform.gql(GENERATIONS, { id: characterId }, 'vis-player');
    expectNoLeak(list, [PLOT_HOOK_PROMPT, plotHookId], "the player's Character.generations");
    const byId = await platform.gql(BY_ID, { id: plotHookId }, 'vis-player');
    expect(byId.data).toEqual({ generation: null });
    expectNoLeak(byId, [PLOT_HOOK_PROMPT], "the player's generation(id)");
    expect((await platform.gql(BY_ID, { id: plotHookId }, 'vis-dm')).data?.generation?.prompt).toBe(PLOT_HOOK_PROMPT);
  });

  it('nor through _entities, signed as the gateway would sign it for the player', async () => {
    const body = JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Generation { id prompt text } } }',
      variables: { r: [{ __typename: 'Generation', id: plotHookId }] },
    });
    const headers = signedFor(E2E_SECRET, 'llm', { userId: 'vis-player' }, { body });
    const response = await fetch(`http://127.0.0.1:${platform.ports.llm}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const answer = (await response.json()) as { data?: { _entities: unknown[] } };
    expect(answer.data?._entities).toEqual([null]);
    expectNoLeak(answer, [PLOT_HOOK_PROMPT], 'the _entities answer');
  });

  it('an anonymous caller gets UNAUTHENTICATED, never a silent empty list', async () => {
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GENERATIONS, variables: { id: characterId } }),
    });
    const answer = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expectNoLeak(answer, [PLOT_HOOK_PROMPT, backstoryId], 'the anonymous answer');
  });
});

const UPLOAD = 'mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id url visibility } } }';
const IMAGE = 'query($id: ID!) { image(id: $id) { id url visibility prompt } }';
const CAMPAIGN_IMAGES = 'query($c: ID!) { images(first: 50, filter: { campaignId: $c }) { totalCount edges { node { id prompt } } } }';
const SET_VISIBILITY = 'mutation($input: SetImageVisibilityInput!) { setImageVisibility(input: $input) { image { id visibility url } } }';
const MAP_PROMPT = 'The secret cellar under the ford, where the Ash Widow waits';
let mapId: string;
let dmUrl: string;

const bytesOf = (url: string) => fetch(`${platform.url}${url}`);
const upload = (user: string, input: Record<string, unknown>) =>
  platform.gql(UPLOAD, { input: { kind: 'MAP', dataBase64: samplePng(8, 8, [40, 60, 80]).toString('base64'), ...input } }, user);

describe('images of a campaign', () => {
  it("a DM_ONLY map is the DM's: a joined player reads nothing of it, by id, by list, by its bytes or a forged token", async () => {
    const stored = await upload('vis-dm', { campaignId, visibility: 'DM_ONLY', prompt: MAP_PROMPT });
    expect(stored.errors).toBeUndefined();
    mapId = stored.data!.uploadImage.image.id;
    dmUrl = stored.data!.uploadImage.image.url;
    expect(dmUrl).toMatch(new RegExp(`^/images/${mapId}\\?access=\\d+\\.[\\w-]+$`));

    const byId = await platform.gql(IMAGE, { id: mapId }, 'vis-other');
    expect(byId.data).toEqual({ image: null });
    const listed = await platform.gql(CAMPAIGN_IMAGES, { c: campaignId }, 'vis-other');
    expect(listed.data?.images.totalCount).toBe(0);
    for (const answer of [byId, listed]) expectNoLeak(answer, [MAP_PROMPT], "the player's image query");
    for (const url of [`/images/${mapId}`, `/images/${mapId}?access=${Date.now() + 600_000}.AAAAAAAAAAAAAAAAAAAAAA`, `/images/${mapId}?access=1.x`]) {
      const response = await bytesOf(url);
      expect(response.status, url).toBe(404);
    }
  });

  it("the DM's own URL loads in an <img> without credentials, cached by the browser only", async () => {
    const response = await bytesOf(dmUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect((await platform.gql(IMAGE, { id: mapId }, 'vis-dm')).data?.image).toMatchObject({ visibility: 'DM_ONLY', prompt: MAP_PROMPT });
  });

  it('players cannot place images where they have no say: DM_ONLY, a stranger campaign, PARTY outside any campaign', async () => {
    const codes = [
      await upload('vis-player', { campaignId, visibility: 'DM_ONLY' }),
      await upload('vis-stranger', { campaignId, visibility: 'PUBLIC' }),
      await upload('vis-player', { visibility: 'PARTY' }),
      await platform.gql(SET_VISIBILITY, { input: { id: mapId, visibility: 'PUBLIC' } }, 'vis-player'),
    ].map((answer) => answer.errors?.[0]?.extensions?.code);
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']);
    expect((await platform.gql(CAMPAIGN_IMAGES, { c: campaignId }, 'vis-dm')).data?.images.totalCount).toBe(1);
  });

  it('revealed to the party, the map reaches joined players and their URL works; a stranger still sees nothing', async () => {
    const revealed = await platform.gql(SET_VISIBILITY, { input: { id: mapId, visibility: 'PARTY' } }, 'vis-dm');
    expect(revealed.data?.setImageVisibility.image.visibility).toBe('PARTY');
    const seen = await platform.gql(IMAGE, { id: mapId }, 'vis-other');
    expect(seen.data?.image).toMatchObject({ id: mapId, visibility: 'PARTY', prompt: MAP_PROMPT });
    expect((await bytesOf(seen.data!.image.url)).status).toBe(200);
    const stranger = await platform.gql(IMAGE, { id: mapId }, 'vis-stranger');
    expect(stranger.data).toEqual({ image: null });
    const forbidden = await platform.gql(SET_VISIBILITY, { input: { id: mapId, visibility: 'PUBLIC' } }, 'vis-other');
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("imageEvents never carry a DM_ONLY image to a player: the player's feed skips it and gets the next public one", async () => {
    const headers = { authorization: `Bearer ${await platform.token('vis-player')}` };
    const feed = subscribeOverSse(`${platform.url}/graphql`, { query: 'subscription { imageEvents(type: "ImageStored") { data image { id } } }' }, headers);
    await feed.connected;
    const secret = "A second secret map, of the Widow's lair";
    expect((await upload('vis-dm', { campaignId, visibility: 'DM_ONLY', prompt: secret })).errors).toBeUndefined();
    const open = await upload('vis-dm', { campaignId, prompt: 'The village green' });
    const event = await feed.next();
    expectNoLeak(event, [secret], "the player's image feed");
    expect(event.data?.imageEvents.image).toEqual({ id: open.data!.uploadImage.image.id });
    feed.dispose();
  });
});

describe('anonymous callers', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  const ROOTS: Record<string, string> = {
    campaign: `{ campaign(id: "${id}") { id } }`,
    campaigns: '{ campaigns { edges { node { id } } } }',
    character: `{ character(id: "${id}") { id } }`,
    characters: '{ characters { edges { node { id } } } }',
    hub: '{ hub { services { name } } }',
    transaction: `{ transaction(id: "${id}") { id } }`,
    transactions: '{ transactions { edges { node { id } } } }',
    image: `{ image(id: "${id}") { id } }`,
    images: '{ images { totalCount } }',
    generation: `{ generation(id: "${id}") { id } }`,
    generations: '{ generations { edges { node { id } } } }',
    usage: '{ usage { requests } }',
    providers: '{ providers { name } }',
  };

  it.each(Object.entries(ROOTS))('get UNAUTHENTICATED from Query.%s, never a silent null or empty list', async (_field, query) => {
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(answer)).toBe('UNAUTHENTICATED');
  });
});

describe('a player removed from the campaign', () => {
  it('sees no more of it at once: no party, no sessions, no party map, no party image in a live feed', async () => {
    await fx.session('vis-dm', campaignId, 'The ford at dusk');
    const CAMPAIGN = 'query($id: ID!) { campaign(id: $id) { id myRole sessions { title } party { name } } }';
    expect((await fx.ok(CAMPAIGN, { id: campaignId }, 'vis-other')).campaign.sessions).toEqual([{ title: 'The ford at dusk' }]);
    // A live feed opened while still at the table.
    const headers = { authorization: `Bearer ${await platform.token('vis-other')}` };
    const feed = subscribeOverSse(`${platform.url}/graphql`, { query: 'subscription { imageEvents(type: "ImageStored") { data image { id } } }' }, headers);
    await feed.connected;
    const removed = await platform.gql(
      'mutation($input: RemovePlayerInput!) { removePlayer(input: $input) { campaign { id } } }',
      { input: { campaignId, userId: 'vis-other' } },
      'vis-dm',
    );
    expect(removed.errors).toBeUndefined();
    const partyOnly = 'The party camp, after the ford';
    expect((await upload('vis-dm', { campaignId, visibility: 'PARTY', prompt: partyOnly })).errors).toBeUndefined();
    const open = await upload('vis-dm', { campaignId, prompt: 'The road north' });
    const event = await feed.next();
    expectNoLeak(event, [partyOnly], "the removed player's live image feed");
    expect(event.data?.imageEvents.image).toEqual({ id: open.data!.uploadImage.image.id });
    feed.dispose();
    const after = await platform.gql(CAMPAIGN, { id: campaignId }, 'vis-other');
    expectNoLeak(after, ['The ford at dusk', 'Ilse'], "the removed player's campaign query");
    // The party's map with it, at once.
    expect((await platform.gql(IMAGE, { id: mapId }, 'vis-other')).data).toEqual({ image: null });
  });
});
