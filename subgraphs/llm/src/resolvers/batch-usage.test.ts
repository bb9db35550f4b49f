import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/index.js';
import type { schema } from '../db/schema.js';
import { createStaticSource } from '../generations/static-source.js';
import { LocalProvider } from '../providers/local/local-provider.js';
import { GENERATION_FIELDS, openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';
import { ScriptedProvider } from '../testing/scripted-provider.js';

let database: Database<typeof schema>;
let server: LlmTestServer;
const broken = new ScriptedProvider('broken', { failWith: 'UNAVAILABLE' });
// A provider whose status carries a key, as a careless implementation might: the API must not pass it on.
const priced = new ScriptedProvider('priced', {
  deltas: ['Hello ', 'there'],
  usage: { promptTokens: 1000, completionTokens: 500 },
  capabilities: ['text', 'image'],
  statusExtras: { apiKey: 'sk-live-very-secret', keys: [{ id: 'key-0badc0de', state: 'ACTIVE', key: 'sk-live-very-secret' }] },
});
const llmService = {
  batch: { concurrency: 2 },
  providers: {
    local: {},
    priced: { type: 'openai', fallback: ['local'], pricing: { input_per_million_tokens: 2, output_per_million_tokens: 8, per_image: 0.04 } },
    broken: { type: 'openai' },
  },
};

beforeAll(async () => {
  database = await openLlmTestDatabase();
  server = await startLlmTestServer(database, {
    llmService,
    providers: createStaticSource([new LocalProvider('local'), priced, broken], { priced: ['local'] }),
  });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const BATCH = `mutation ($input: BatchGenerateInput!) {
  batchGenerate(input: $input) { completed failed durationMs items { index error { code message retryAfter } generation { ${GENERATION_FIELDS} } } }
}`;

describe('batchGenerate', () => {
  it('reports every item in input order; a bad or failing item fails alone', async () => {
    const items = [
      { kind: 'BACKSTORY', context: { characterName: 'Regdar' } },
      { prompt: '' },
      { prompt: 'To the broken one', provider: 'broken' },
      { kind: 'PLOT_HOOK', context: { campaignName: 'Red Hand' } },
      { prompt: 'Lost in the woods' },
    ];
    const result = await server.client.request(BATCH, { input: { items } }, 'batcher');
    expect(result.errors).toBeUndefined();
    const batch = result.data?.batchGenerate;
    expect(batch).toMatchObject({ completed: 3, failed: 2 });
    expect(batch.items.map((i: { index: number }) => i.index)).toEqual([0, 1, 2, 3, 4]);
    expect(batch.items[0].generation).toMatchObject({ status: 'COMPLETED', kind: 'BACKSTORY' });
    expect(batch.items[0].generation.text).toContain('Regdar');
    expect(batch.items[1]).toMatchObject({ generation: null, error: { code: 'BAD_USER_INPUT' } });
    expect(batch.items[1].error.message).toContain('input.items.1.prompt');
    expect(batch.items[2]).toMatchObject({ generation: { status: 'FAILED', provider: 'broken' }, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(batch.items[3].generation.text).toContain('Red Hand');
    expect(batch.items[4].error).toBeNull();
  });

  it('refuses a concurrency above llm_service.batch.concurrency and an empty batch', async () => {
    const tooWide = await server.client.request(BATCH, { input: { items: [{ prompt: 'x' }], concurrency: 3 } }, 'batcher');
    expect(tooWide.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.concurrency' });
    const empty = await server.client.request(BATCH, { input: { items: [] } }, 'batcher');
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items' });
  });
});

describe('batchGenerate inside the rate limits', () => {
  it("paces items in the caller's limit and reports those that cannot start within max_duration as RATE_LIMITED", async () => {
    // 60 a minute: paced items start a second apart (at 0, 1, 2 s...), so within a 2.5 s max_duration three start.
    const limited = await startLlmTestServer(database, { llmService: { limits: { per_caller: { requests_per_minute: 60 } }, batch: { max_duration: 2.5 } } });
    try {
      const began = Date.now();
      const result = await limited.client.request(
        BATCH,
        { input: { items: [1, 2, 3, 4, 5, 6].map((i) => ({ prompt: `item ${i}` })), concurrency: 2 } },
        'paced',
      );
      expect(result.errors).toBeUndefined();
      const batch = result.data?.batchGenerate;
      expect(batch).toMatchObject({ completed: 3, failed: 3 });
      for (const item of batch.items.slice(3)) {
        expect(item).toMatchObject({ generation: null, error: { code: 'RATE_LIMITED' } });
        expect(item.error.retryAfter).toBeGreaterThan(0);
      }
      expect(Date.now() - began).toBeGreaterThanOrEqual(2000);
      expect(Date.now() - began).toBeLessThan(6000);
    } finally {
      await limited.close();
    }
  });
});

describe('Query.usage', () => {
  it("sums the caller's own tokens, images and cost per provider and period", async () => {
    const user = 'accountant';
    const text = `mutation ($input: GenerateTextInput!) { generateText(input: $input) { generation { usage { promptTokens completionTokens } costUsd } } }`;
    const a = await server.client.request(text, { input: { prompt: 'one', provider: 'priced' } }, user);
    await server.client.request(text, { input: { prompt: 'two', provider: 'priced' } }, user);
    const c = await server.client.request(text, { input: { prompt: 'three' } }, user);
    const image = await server.client.request(
      `mutation { generateImage(input: { prompt: "a tower", provider: "priced", n: 3 }) { generation { costUsd } } }`,
      {},
      user,
    );
    expect(a.data?.generateText.generation.costUsd).toBeCloseTo((1000 * 2 + 500 * 8) / 1_000_000, 10);
    expect(image.data?.generateImage.generation.costUsd).toBeCloseTo(0.12, 10);
    await server.client.request(text, { input: { prompt: 'not mine' } }, 'someone-else');

    const usage = await server.client.request(`{ usage { periodStart provider requests promptTokens completionTokens images costUsd } }`, {}, user);
    expect(usage.errors).toBeUndefined();
    const byProvider = Object.fromEntries(usage.data?.usage.map((bucket: { provider: string }) => [bucket.provider, bucket]));
    expect(Object.keys(byProvider).sort()).toEqual(['local', 'priced']);
    expect(byProvider.priced).toMatchObject({ requests: 3, promptTokens: 2000 + 2, completionTokens: 1000, images: 3 });
    expect(byProvider.priced.costUsd).toBeCloseTo(2 * 0.006 + 0.12, 6);
    const localUsage = c.data?.generateText.generation.usage;
    expect(byProvider.local).toMatchObject({
      requests: 1,
      promptTokens: localUsage.promptTokens,
      completionTokens: localUsage.completionTokens,
      images: 0,
      costUsd: 0,
    });
    const today = new Date();
    expect(byProvider.local.periodStart).toBe(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString());

    const filtered = await server.client.request(`{ usage(filter: { provider: "local", period: MONTH }) { periodStart provider requests } }`, {}, user);
    expect(filtered.data?.usage).toEqual([
      { periodStart: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)).toISOString(), provider: 'local', requests: 1 },
    ]);
    const past = await server.client.request(`{ usage(filter: { until: "2020-01-01T00:00:00.000Z" }) { requests } }`, {}, user);
    expect(past.data?.usage).toEqual([]);
  });
});

describe('Query.providers', () => {
  it('lists every provider with capabilities, models, key ids and fallbacks, never a key', async () => {
    const result = await server.client.request(`{ providers { name type capabilities models healthy reason keys { id state until } fallback } }`, {}, 'anyone');
    expect(result.errors).toBeUndefined();
    expect(result.data?.providers.map((p: { name: string }) => p.name)).toEqual(['local', 'priced', 'broken']);
    expect(result.data?.providers[0]).toMatchObject({ name: 'local', type: 'local', capabilities: ['TEXT', 'IMAGE'], healthy: true, keys: [] });
    expect(result.data?.providers[1]).toMatchObject({ name: 'priced', keys: [{ id: 'key-0badc0de', state: 'ACTIVE', until: null }], fallback: ['local'] });
    expect(JSON.stringify(result)).not.toContain('sk-live');
  });

  it('requires a signed-in user', async () => {
    const result = await server.client.request('{ providers { name } }', {}, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
