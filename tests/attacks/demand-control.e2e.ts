/**
 * The hostile-input suite, demand control: operations shaped to make the platform work for nothing (alias, depth,
 * token and cost bombs), schema discovery where introspection is closed, and a generation flood, all sent to the
 * real gateway of the real platform configured as production is (hub.yaml `introspection: off`, a small generation
 * budget). Each is refused with its exact code before any service reads or writes, and the platform answers
 * ordinary requests afterwards.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import { repoRoot } from '#lib/config/paths.js';
import { gameFixtures } from '../helpers/game-fixtures.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { expectRefused, expectUnchanged, type Answer } from './expect-refused.js';

// 3 generations a minute: small enough that the flood below crosses it in one request.
const GENERATION_BUDGET = 3;
let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'dnd-demand-'));
  const config = parse(readFileSync(path.join(repoRoot, 'hub.yaml'), 'utf8')) as { message_hub: Record<string, unknown> };
  config.message_hub.introspection = 'off';
  config.message_hub.rate_limits = { generation: { requests: GENERATION_BUDGET, window: 60 } };
  const file = path.join(scratch, 'hub.yaml');
  writeFileSync(file, stringify(config));
  platform = await startTestPlatform({ HUB_CONFIG: file });
  fx = gameFixtures(platform);
});
afterAll(async () => {
  await platform?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function send(query: string, user: string | null, variables: Record<string, unknown> = {}, roles: string[] = []): Promise<Answer & { data?: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user) headers.authorization = `Bearer ${await signUserToken(user, E2E_SECRET, '5m', roles)}`;
  const response = await fetch(`${platform.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: unknown; errors?: Answer['errors'] };
  return { status: response.status, ...body };
}

const myCharacters = async (user: string) => (await fx.ok('{ characters(first: 100) { edges { node { id } } } }', {}, user)).characters.edges.length as number;
const CREATE = `createCharacter(input: { name: "Bomb", race: HUMAN, class: FIGHTER,
  abilityScores: { strength: 10, dexterity: 10, constitution: 10, intelligence: 10, wisdom: 10, charisma: 10 } }) { character { id } }`;

describe('operation bombs', () => {
  it('1,000 aliased createCharacter: refused before parsing ends (past max_tokens), and not one character is written', async () => {
    const before = await myCharacters('bomber');
    const query = `mutation { ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${CREATE}`).join('\n')} }`;
    const answer = await send(query, 'bomber');
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ limit: 'max_tokens' });
    await expectUnchanged(before, () => myCharacters('bomber'), "the bomber's characters");
  });

  it('a few aliases under the token limit but over max_aliases are refused too', async () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const answer = await send(query, 'bomber');
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ limit: 'max_aliases', max: 30, actual: 40 });
  });

  it('depth 50 through the character/campaign/party cycle is refused as over max_depth', async () => {
    let selection = 'id';
    for (let i = 0; i < 25; i++) selection = `campaign { party { ${selection} } }`;
    const answer = await send(`{ characters(first: 1) { edges { node { ${selection} } } } }`, 'bomber');
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ limit: 'max_depth', max: 20 });
  });

  it('nested pages (100 characters x 100 generations each) are refused as over max_cost, before any service is asked', async () => {
    const query = `{ characters(first: 100) { edges { node { generations(first: 100) { id text }
      campaign { party { id name portrait { url } } } } } } }`;
    const answer = await send(query, 'bomber');
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ limit: 'max_cost', max: 10_000 });
  });

  it('a megabyte of tokens is refused as over max_tokens without being parsed to its end', async () => {
    const answer = await send(`{ ${'__typename '.repeat(100_000)} }`, null);
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ limit: 'max_tokens', max: 2000 });
  });
});

describe('schema discovery with introspection off', () => {
  it('__schema and __type are FORBIDDEN to players and anonymous callers, open to an operator', async () => {
    for (const user of ['bomber', null]) {
      expectRefused(await send('{ __schema { types { name } } }', user), 403, 'FORBIDDEN');
      expectRefused(await send('query { ...T } fragment T on Query { __type(name: "Character") { fields { name } } }', user), 403, 'FORBIDDEN');
    }
    const operator = await send('{ __type(name: "Character") { name } }', 'ops', {}, ['operator']);
    expect(operator).toMatchObject({ status: 200, data: { __type: { name: 'Character' } } });
  });

  it('a misspelt field does not spell the schema out through "Did you mean"', async () => {
    const answer = await send('{ character(id: "x") { nam } }', 'bomber');
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toContain('Cannot query field "nam"');
    expect(JSON.stringify(answer.errors)).not.toContain('Did you mean');
  });
});

describe('a generation flood', () => {
  it(`past ${GENERATION_BUDGET} generations a minute the gateway answers 429 RATE_LIMITED with retryAfter, and the llm writes nothing`, async () => {
    const GENERATE = `mutation { ${Array.from({ length: GENERATION_BUDGET + 1 }, (_, i) => `g${i}: generateText(input: { prompt: "A tavern ${i}" }) { generation { id } }`).join(' ')} }`;
    const count = async () => (await fx.ok('{ generations(first: 100) { edges { node { id } } } }', {}, 'flooder')).generations.edges.length as number;
    const answer = await send(GENERATE, 'flooder');
    expectRefused(answer, 429, 'RATE_LIMITED');
    expect(answer.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    await expectUnchanged(0, count, "the flooder's generations");
    // Another user's budget is their own.
    const other = await send('mutation { generateText(input: { prompt: "A quiet inn" }) { generation { id } } }', 'neighbour');
    expect(other.errors).toBeUndefined();
  });

  it('the platform still answers everyone afterwards', async () => {
    expect(await myCharacters('bomber')).toBe(0);
  });
});
