/**
 * The hostile-input suite, what a player may see: a player (or a stranger) reaching for a DM's generations, a
 * party member's prompts, and a campaign they were removed from, by every path the bytes take (query fields, a
 * generation by id, `_entities` as the gateway would send it). Each attempt reads nothing of the secret text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '../../lib/auth/testing/signed-headers.js';
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

const idsSeenBy = async (user: string) =>
  ((await fx.ok(GENERATIONS, { id: characterId }, user)).character?.generations ?? []).map((g: { id: string }) => g.id);

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
    const response = await fetch(`http://127.0.0.1:${platform.ports.llm}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
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

describe('a player removed from the campaign', () => {
  it('sees no more of it: no party, no sessions, no membership', async () => {
    await fx.session('vis-dm', campaignId, 'The ford at dusk');
    const CAMPAIGN = 'query($id: ID!) { campaign(id: $id) { id myRole sessions { title } party { name } } }';
    expect((await fx.ok(CAMPAIGN, { id: campaignId }, 'vis-other')).campaign.sessions).toEqual([{ title: 'The ford at dusk' }]);
    const removed = await platform.gql('mutation($input: RemovePlayerInput!) { removePlayer(input: $input) { campaign { id } } }', { input: { campaignId, userId: 'vis-other' } }, 'vis-dm');
    expect(removed.errors).toBeUndefined();
    const after = await platform.gql(CAMPAIGN, { id: campaignId }, 'vis-other');
    expectNoLeak(after, ['The ford at dusk', 'Ilse'], "the removed player's campaign query");
  });
});
