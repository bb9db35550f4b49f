import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmServiceConfig } from '#lib/config/llm-config.js';
import type { Database } from '#lib/db/index.js';
import { generationImages, generations, type schema } from '../db/schema.js';
import { createStaticSource } from '../generations/static-source.js';
import { createLimits } from '../limits/create-limits.js';
import { LocalProvider } from '../providers/local/local-provider.js';
import { GENERATION_FIELDS, openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';
import { ScriptedProvider } from '../testing/scripted-provider.js';

let database: Database<typeof schema>;
const servers: LlmTestServer[] = [];
beforeAll(async () => {
  database = await openLlmTestDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await database?.close();
});

async function start(options: Parameters<typeof startLlmTestServer>[1] = {}): Promise<LlmTestServer> {
  const server = await startLlmTestServer(database, options);
  servers.push(server);
  return server;
}

const TEXT = `mutation ($input: GenerateTextInput!) { generateText(input: $input) { generation { ${GENERATION_FIELDS} } } }`;
const IMAGE = `mutation ($input: GenerateImageInput!) { generateImage(input: $input) { generation { ${GENERATION_FIELDS} images { index dataUrl width height revisedPrompt } } } }`;

async function rowCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(generations);
  return Number(row?.n);
}

describe('generateText and generateImage with the local provider', () => {
  let server: LlmTestServer;
  beforeAll(async () => {
    server = await start();
  });

  it('returns a completed TEXT generation with its usage, no cost, a first-token time and no fallbacks', async () => {
    const result = await server.client.request(TEXT, { input: { kind: 'NPC_DESCRIPTION', context: { characterName: 'Sildar' } } });
    expect(result.errors).toBeUndefined();
    const generation = result.data?.generateText.generation;
    expect(generation).toMatchObject({ type: 'TEXT', status: 'COMPLETED', provider: 'local', costUsd: 0, error: null, fallbacks: [] });
    expect(generation.text.length).toBeGreaterThan(50);
    expect(generation.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(generation.firstTokenMs).toBeLessThanOrEqual(generation.durationMs);
    expect(generation.usage.completionTokens).toBeGreaterThan(0);
  });

  it('draws PNG images, stores them with the generation and serves them as data URLs', async () => {
    const result = await server.client.request(IMAGE, { input: { prompt: 'a dwarf fighter with a braided beard', width: 256, height: 320, n: 2 } });
    expect(result.errors).toBeUndefined();
    const generation = result.data?.generateImage.generation;
    expect(generation).toMatchObject({ type: 'IMAGE', status: 'COMPLETED', provider: 'local', text: '' });
    expect(generation.images).toHaveLength(2);
    for (const [index, image] of generation.images.entries()) {
      expect(image).toMatchObject({ index, width: 256, height: 320 });
      const png = Buffer.from(image.dataUrl.replace('data:image/png;base64,', ''), 'base64');
      expect(image.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    const [stored] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(generationImages)
      .where(sql`${generationImages.generationId} = ${generation.id}`);
    expect(Number(stored?.n)).toBe(2);
  });

  it.each([
    ['width not a step of 64', IMAGE, { prompt: 'a map', width: 300 }, 'input.width'],
    ['height over 1024', IMAGE, { prompt: 'a map', height: 1088 }, 'input.height'],
    ['n of 5', IMAGE, { prompt: 'a map', n: 5 }, 'input.n'],
    ['an empty image prompt', IMAGE, { prompt: '  ' }, 'input.prompt'],
    ['an unknown provider', TEXT, { prompt: 'hi', provider: 'nope' }, 'input.provider'],
    ['an unknown model', TEXT, { prompt: 'hi', model: 'gpt-17' }, 'input.model'],
    ['a prompt over max_prompt_chars', TEXT, { prompt: 'x'.repeat(4001) }, 'input.prompt'],
  ])('rejects %s with BAD_USER_INPUT naming it, storing nothing', async (_case, query, input, field) => {
    const before = await rowCount();
    const result = await server.client.request(query, { input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rowCount()).toBe(before);
  });

  it('names the unknown provider and model in the message', async () => {
    const provider = await server.client.request(TEXT, { input: { prompt: 'hi', provider: 'nope' } });
    expect(provider.errors?.[0]?.message).toContain('"nope"');
    const model = await server.client.request(TEXT, { input: { prompt: 'hi', model: 'gpt-17' } });
    expect(model.errors?.[0]?.message).toContain('"gpt-17"');
  });
});

describe('rate limits', () => {
  it("answers RATE_LIMITED with retryAfter once the caller's requests per minute are used, storing nothing", async () => {
    // 12 a minute is counted as 2 per 10 s (limits/window-shape.ts): the third call at once is refused.
    const llmService = { limits: { per_caller: { requests_per_minute: 12 } } };
    const limits = createLimits(llmServiceConfig.parse(llmService), { keyPrefix: `test-${Date.now()}` });
    const server = await start({ llmService, limits });
    for (let i = 0; i < 2; i++) expect((await server.client.request(TEXT, { input: { prompt: `call ${i}` } }, 'limited')).errors).toBeUndefined();
    const before = await rowCount();
    const refused = await server.client.request(TEXT, { input: { prompt: 'one too many' } }, 'limited');
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    expect(refused.errors?.[0]?.extensions?.retryAfter).toBeLessThanOrEqual(10);
    expect(await rowCount()).toBe(before);
    // Another caller has a budget of their own.
    expect((await server.client.request(TEXT, { input: { prompt: 'my own budget' } }, 'someone-else')).errors).toBeUndefined();
    await limits.close();
  });
});

describe('fallback', () => {
  it('falls through a failing provider to local and records why in fallbacks', async () => {
    const broken = new ScriptedProvider('broken', { failWith: 'UNAVAILABLE' });
    const server = await start({ providers: createStaticSource([broken, new LocalProvider('local')], { broken: ['local'] }) });
    const result = await server.client.request(TEXT, { input: { prompt: 'Who guards the bridge?' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.generateText.generation).toMatchObject({
      status: 'COMPLETED',
      provider: 'local',
      fallbacks: [{ provider: 'broken', reason: 'UNAVAILABLE' }],
    });
    expect(broken.calls).toBe(1);
  });

  it('starts over with the next provider when a collected stream breaks half-way', async () => {
    const dropping = new ScriptedProvider('dropping', { deltas: ['The bridge ', 'is guarded'], failWith: 'BAD_RESPONSE' });
    const server = await start({ providers: createStaticSource([dropping, new LocalProvider('local')], { dropping: ['local'] }) });
    const result = await server.client.request(TEXT, { input: { prompt: 'Who guards the bridge?' } });
    expect(result.data?.generateText.generation).toMatchObject({ provider: 'local', fallbacks: [{ provider: 'dropping', reason: 'BAD_RESPONSE' }] });
    expect(result.data?.generateText.generation.text).not.toContain('The bridge is guarded');
  });

  it('stores a FAILED generation with its error and answers SERVICE_UNAVAILABLE when every provider fails', async () => {
    const slow = new ScriptedProvider('slow', { failWith: 'TIMEOUT' });
    const gone = new ScriptedProvider('gone', { deltas: ['Half a sen'], failWith: 'BAD_RESPONSE' });
    const server = await start({ providers: createStaticSource([slow, gone], { slow: ['gone'] }) });
    const result = await server.client.request(TEXT, { input: { prompt: 'Anything at all' } }, 'unlucky');
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(error?.message).toContain('slow (TIMEOUT)');
    expect(error?.message).not.toMatch(/at .*\.ts:\d+/);
    const stored = await server.client.request(
      `query ($id: ID!) { generation(id: $id) { ${GENERATION_FIELDS} } }`,
      { id: error?.extensions?.generationId },
      'unlucky',
    );
    expect(stored.data?.generation).toMatchObject({
      status: 'FAILED',
      provider: 'gone',
      error: { code: 'SERVICE_UNAVAILABLE' },
      fallbacks: [
        { provider: 'slow', reason: 'TIMEOUT' },
        { provider: 'gone', reason: 'BAD_RESPONSE' },
      ],
    });
    // What the broken stream sent is still counted.
    expect(stored.data?.generation.usage.completionTokens).toBeGreaterThan(0);
    // Each provider's attempt once in Query.usage: the timed-out one's prompt, the broken stream's prompt and text.
    const usage = await server.client.request('{ usage { provider requests promptTokens completionTokens } }', {}, 'unlucky');
    const { promptTokens, completionTokens } = stored.data!.generation.usage;
    expect(usage.data?.usage).toEqual([
      { provider: 'gone', requests: 1, promptTokens, completionTokens },
      { provider: 'slow', requests: 1, promptTokens, completionTokens: 0 },
    ]);
  });

  it('answers RATE_LIMITED with the shortest retryAfter when every provider is rate limited', async () => {
    const a = new ScriptedProvider('a', { failWith: 'RATE_LIMITED', retryAfterMs: 7000 });
    const b = new ScriptedProvider('b', { failWith: 'RATE_LIMITED', retryAfterMs: 3000 });
    const server = await start({ providers: createStaticSource([a, b], { a: ['b'] }) });
    const result = await server.client.request(TEXT, { input: { prompt: 'Busy day' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 3 });
  });

  it('does not fall back when the provider refuses the input itself (BAD_REQUEST)', async () => {
    const picky = new ScriptedProvider('picky', { failWith: 'BAD_REQUEST' });
    const local = new LocalProvider('local');
    const server = await start({ providers: createStaticSource([picky, local], { picky: ['local'] }) });
    const result = await server.client.request(TEXT, { input: { prompt: 'Something odd' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
