import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/index.js';
import { openTestDatabase } from '../../../tests/helpers/test-database.js';
import { startSubgraphForTest, TEST_SECRET, type GraphQLResult, type SubgraphClient } from '../../../tests/helpers/subgraph-client.js';
import { generations, schema } from './db/schema.js';
import { createLlmSubgraph, LLM_MIGRATIONS_FOLDER } from './subgraph.js';

let database: Database<typeof schema>;
let client: SubgraphClient;

beforeAll(async () => {
  database = await openTestDatabase('llm', schema, LLM_MIGRATIONS_FOLDER);
  client = await startSubgraphForTest(createLlmSubgraph({ database, secret: TEST_SECRET }));
});

afterAll(async () => {
  await client?.close();
  await database?.close();
});

const GENERATION_FIELDS =
  'id kind status prompt text provider model seed characterId campaignId createdAt durationMs usage { promptTokens completionTokens totalTokens }';
const GENERATE = `mutation ($input: GenerateTextInput!) { generateText(input: $input) { generation { ${GENERATION_FIELDS} } } }`;

interface GenerationResult {
  id: string;
  kind: string;
  status: string;
  prompt: string | null;
  text: string;
  provider: string;
  model: string;
  seed: number;
  characterId: string | null;
  createdAt: string;
  durationMs: number;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number };
}

interface PageOfGenerations {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string; createdAt: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function generate(input: Record<string, unknown>, userId: string | null = 'user-1'): Promise<GenerationResult> {
  const result = await client.request<{ generateText: { generation: GenerationResult } }>(GENERATE, { input }, userId);
  expect(result.errors).toBeUndefined();
  return result.data!.generateText.generation;
}

async function rowCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(generations);
  return Number(row?.n);
}

const thorin = { characterName: 'Thorin', race: 'dwarf', characterClass: 'fighter', background: 'folk hero', alignment: 'lawful good' };

describe('generateText', () => {
  it('stores and returns a backstory naming the character, race and class, from the local provider', async () => {
    const characterId = randomUUID();
    const generation = await generate({ kind: 'BACKSTORY', context: { ...thorin, characterId } });
    expect(generation.text).toContain('Thorin');
    expect(generation.text).toMatch(/\bdwarf\b/);
    expect(generation.text).toMatch(/\bfighter\b/);
    expect(generation).toMatchObject({ kind: 'BACKSTORY', status: 'COMPLETED', prompt: null, provider: 'local', model: 'local-procedural-v1', characterId });
    expect(generation.usage.totalTokens).toBe(generation.usage.promptTokens + generation.usage.completionTokens);
    expect(generation.usage.promptTokens).toBeGreaterThan(0);
    // Counted by a BPE tokenizer: English prose runs 3-6 characters a token.
    expect(generation.usage.completionTokens).toBeGreaterThan(generation.text.length / 8);
    expect(generation.usage.completionTokens).toBeLessThan(generation.text.length / 2);
    expect(Number.isNaN(Date.parse(generation.createdAt))).toBe(false);

    const stored = await client.request(`query ($id: ID!) { generation(id: $id) { ${GENERATION_FIELDS} } }`, { id: generation.id });
    expect(stored.data?.generation).toEqual(generation);
  });

  it('gives the same text for the same seed and input, another for another seed, and derives a stable seed when none is given', async () => {
    const input = { kind: 'BACKSTORY', context: thorin };
    const a = await generate({ ...input, seed: 42 });
    const b = await generate({ ...input, seed: 42 });
    const c = await generate({ ...input, seed: 43 });
    expect(a.id).not.toBe(b.id);
    expect(b.text).toBe(a.text);
    expect(c.text).not.toBe(a.text);
    expect([a.seed, c.seed]).toEqual([42, 43]);

    const d = await generate(input);
    const e = await generate(input);
    expect(e.seed).toBe(d.seed);
    expect(e.text).toBe(d.text);
    const f = await generate({ ...input, context: { ...thorin, characterName: 'Gimli' } });
    expect(f.seed).not.toBe(d.seed);
  });

  it('writes plot hooks that mention the campaign setting', async () => {
    const generation = await generate({
      kind: 'PLOT_HOOK',
      context: { campaignName: 'Storm King’s Thunder', setting: 'The Savage Frontier, where giants rampage across the North.' },
    });
    expect(generation.text).toContain('the Savage Frontier');
    expect(generation.text).toContain('Storm King’s Thunder');
    expect(generation.text).toMatch(/^1\. /m);
  });

  it('respects maxTokens', async () => {
    const generation = await generate({ kind: 'BACKSTORY', context: thorin, maxTokens: 50 });
    expect(generation.usage.completionTokens).toBeLessThanOrEqual(50);
    expect(generation.text.length).toBeLessThanOrEqual(200);
    expect(generation.text).toContain('Thorin');
  });

  it('answers a FREEFORM prompt using its words', async () => {
    const generation = await generate({ prompt: 'What lurks in the flooded crypt beneath Daggerford?' });
    expect(generation.kind).toBe('FREEFORM');
    expect(generation.prompt).toBe('What lurks in the flooded crypt beneath Daggerford?');
    expect(generation.text).toContain('flooded crypt');
  });

  it.each([
    ['a prompt over 4000 characters', { prompt: 'x'.repeat(4001) }, 'input.prompt'],
    ['an empty prompt', { prompt: '   ' }, 'input.prompt'],
    ['FREEFORM without a prompt', { kind: 'FREEFORM' }, 'input.prompt'],
    ['maxTokens 0', { kind: 'BACKSTORY', maxTokens: 0 }, 'input.maxTokens'],
    ['maxTokens over 2048', { kind: 'BACKSTORY', maxTokens: 2049 }, 'input.maxTokens'],
    ['a name over 100 characters', { kind: 'BACKSTORY', context: { characterName: 'n'.repeat(101) } }, 'input.context.characterName'],
    ['a setting over 2000 characters', { kind: 'PLOT_HOOK', context: { setting: 's'.repeat(2001) } }, 'input.context.setting'],
    ['a characterId that is not a UUID', { kind: 'BACKSTORY', context: { characterId: 'char-1' } }, 'input.context.characterId'],
  ])('rejects %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, input, field) => {
    const before = await rowCount();
    const result = await client.request(GENERATE, { input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await rowCount()).toBe(before);
  });

  it('requires a signed-in user', async () => {
    const before = await rowCount();
    const mutation = await client.request(GENERATE, { input: { prompt: 'hello there' } }, null);
    expect(mutation.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const query = await client.request('{ generations { totalCount } }', {}, null);
    expect(query.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await rowCount()).toBe(before);
  });
});

describe('reading generations', () => {
  it('shows a generation only to its owner', async () => {
    const mine = await generate({ prompt: 'A riddle for the sphinx' }, 'owner-a');
    const query = 'query ($id: ID!) { generation(id: $id) { id } }';
    expect((await client.request(query, { id: mine.id }, 'owner-a')).data?.generation).toEqual({ id: mine.id });
    const other = await client.request(query, { id: mine.id }, 'owner-b');
    expect(other.errors).toBeUndefined();
    expect(other.data?.generation).toBeNull();
  });

  it('pages the caller’s generations newest first with keyset cursors', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await generate({ prompt: `Tavern name number ${i}` }, 'pager')).id);
    await generate({ prompt: 'Not yours' }, 'someone-else');

    const query =
      'query ($after: String) { generations(first: 2, after: $after) { totalCount edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor } } }';
    const seen: Array<{ id: string; createdAt: string }> = [];
    let after: string | null = null;
    const pageSizes: number[] = [];
    for (;;) {
      const page: GraphQLResult = await client.request(query, { after }, 'pager');
      expect(page.errors).toBeUndefined();
      const connection: PageOfGenerations = page.data!.generations;
      expect(connection.totalCount).toBe(5);
      pageSizes.push(connection.edges.length);
      seen.push(...connection.edges.map((e) => e.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pageSizes).toEqual([2, 2, 1]);
    expect(new Set(seen.map((g) => g.id))).toEqual(new Set(made));
    const times = seen.map((g) => Date.parse(g.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    const bad = await client.request('{ generations(after: "nonsense") { totalCount } }', {}, 'pager');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('federation', () => {
  const CHARACTER_ENTITIES = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Character { id latest: generations(first: 1) { id } generations(first: 2) { id characterId } } }
  }`;

  it("resolves the caller's generations of 50 Characters in ONE SQL statement, newest first, and never another user's", async () => {
    const characters = Array.from({ length: 50 }, () => randomUUID());
    const made = new Map<string, string[]>();
    for (const characterId of characters.slice(0, 3)) {
      for (let i = 0; i < 3; i++) {
        const { id } = await generate({ kind: 'BACKSTORY', context: { ...thorin, characterId }, seed: i }, 'fed-user');
        made.set(characterId, [id, ...(made.get(characterId) ?? [])]);
      }
    }
    // Another user's generation about the same character (a DM's plot hook naming it, say) is theirs alone.
    const other = await generate({ kind: 'BACKSTORY', context: { characterId: characters[0] } }, 'other-player');

    const before = database.stats.statements;
    const result = await client.request(CHARACTER_ENTITIES, { representations: characters.map((id) => ({ __typename: 'Character', id })) }, 'fed-user');
    expect(database.stats.statements - before).toBe(1);
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities as Array<{ id: string; latest: Array<{ id: string }>; generations: Array<{ id: string; characterId: string }> }>;
    expect(entities).toHaveLength(50);
    for (const [index, entity] of entities.entries()) {
      const expected = made.get(characters[index]!) ?? [];
      expect(entity.generations.map((g) => g.id)).toEqual(expected.slice(0, 2));
      expect(entity.latest.map((g) => g.id)).toEqual(expected.slice(0, 1));
    }
    const asOther = await client.request(CHARACTER_ENTITIES, { representations: [{ __typename: 'Character', id: characters[0] }] }, 'other-player');
    expect((asOther.data!._entities as Array<{ generations: Array<{ id: string }> }>)[0]!.generations.map((g) => g.id)).toEqual([other.id]);
  });

  it('resolves Generation references through one statement, hiding other users’ generations', async () => {
    const mine = [await generate({ prompt: 'First omen' }, 'ref-user'), await generate({ prompt: 'Second omen' }, 'ref-user')];
    const theirs = await generate({ prompt: 'Secret omen' }, 'ref-other');
    const before = database.stats.statements;
    const result = await client.request(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Generation { id prompt } } }',
      { r: [...mine, theirs].map(({ id }) => ({ __typename: 'Generation', id })) },
      'ref-user',
    );
    expect(database.stats.statements - before).toBe(1);
    expect(result.data?._entities).toEqual([{ id: mine[0]!.id, prompt: 'First omen' }, { id: mine[1]!.id, prompt: 'Second omen' }, null]);
  });
});
