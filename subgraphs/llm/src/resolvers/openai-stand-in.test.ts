import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import type { Database } from '#lib/db/index.js';
import { startOpenAiServer, REPLY_WORDS, type FakeServer } from '../../../../tests/fakes/openai-server.js';
import { TEST_SECRET } from '../../../../tests/helpers/subgraph-client.js';
import { subscribeOverSse } from '../../../../tests/helpers/subscriptions.js';
import type { schema } from '../db/schema.js';
import { GENERATION_FIELDS, openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';

let database: Database<typeof schema>;
let openai: FakeServer;
let server: LlmTestServer;

beforeAll(async () => {
  database = await openLlmTestDatabase();
  openai = await startOpenAiServer();
  const base_url = `${openai.url}/v1`;
  const providers = {
    openai: { type: 'openai' as const, base_url, api_keys: ['sk-good-key-0001'], timeout: 5, fallback: ['local'] },
    revoked: { type: 'openai' as const, base_url, api_keys: ['sk-test-401'], timeout: 5, fallback: ['local'] },
    // Models are those hub.yaml configures (an unknown one is BAD_USER_INPUT): the stand-in's dropping model gets its own entry.
    dropping: { type: 'openai' as const, base_url, api_keys: ['sk-good-key-0002'], model: 'fake-drop', timeout: 5, fallback: ['local'] },
    erroring: { type: 'openai' as const, base_url, api_keys: ['sk-good-key-0003'], model: 'fake-stream-error', timeout: 5, fallback: ['dropping', 'local'] },
    local: {},
  };
  // No stand-in source: the service builds its own ProviderRegistry from llm_service, as in production.
  server = await startLlmTestServer(database, { llmService: { providers } });
});
afterAll(async () => {
  await server?.close();
  await openai?.close();
  await database?.close();
});

const USAGE = '{ usage { provider requests promptTokens completionTokens } }';
const TEXT = `mutation ($input: GenerateTextInput!) { generateText(input: $input) { generation { ${GENERATION_FIELDS} } } }`;

describe('against the stand-in OpenAI server', () => {
  it('serves text through the openai SDK with the usage the server reports', async () => {
    const result = await server.client.request(TEXT, { input: { prompt: 'Say something', maxTokens: 100 } });
    expect(result.errors).toBeUndefined();
    const generation = result.data?.generateText.generation;
    expect(generation).toMatchObject({ status: 'COMPLETED', provider: 'openai', fallbacks: [], text: REPLY_WORDS.join(' ') });
    expect(generation.usage.completionTokens).toBeGreaterThan(0);
  });

  it('falls back to local when the key is refused (401), and the key shows UNAUTHORIZED by id only', async () => {
    const result = await server.client.request(TEXT, { input: { prompt: 'Who are you?', provider: 'revoked' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.generateText.generation).toMatchObject({ provider: 'local', fallbacks: [{ provider: 'revoked', reason: 'UNAUTHORIZED' }] });
    const providers = await server.client.request('{ providers { name healthy keys { id state } } }');
    const revoked = providers.data?.providers.find((p: { name: string }) => p.name === 'revoked');
    expect(revoked.keys).toEqual([{ id: expect.stringMatching(/^key-[0-9a-f]{8}$/), state: 'UNAUTHORIZED' }]);
    expect(JSON.stringify(providers)).not.toContain('sk-');
    expect(JSON.stringify(result)).not.toContain('sk-');
  });

  it('falls back when the stream is cut half-way, recording BAD_RESPONSE', async () => {
    const result = await server.client.request(TEXT, { input: { prompt: 'Keep going', provider: 'dropping' } });
    expect(result.data?.generateText.generation).toMatchObject({ provider: 'local', fallbacks: [{ provider: 'dropping', reason: 'BAD_RESPONSE' }] });
    const unknown = await server.client.request(TEXT, { input: { prompt: 'Keep going', model: 'fake-drop' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.model' });
  });

  it('counts the usage of attempts that failed part-way under their provider in Query.usage', async () => {
    const user = 'usage-of-failed-attempts';
    // erroring (an error inside the stream) -> dropping (connection cut) -> local: two counted failures, one served.
    const result = await server.client.request(TEXT, { input: { prompt: 'Keep going', provider: 'erroring' } }, user);
    expect(result.errors).toBeUndefined();
    const generation = result.data?.generateText.generation;
    expect(generation).toMatchObject({
      provider: 'local',
      fallbacks: [
        { provider: 'erroring', reason: 'BAD_RESPONSE' },
        { provider: 'dropping', reason: 'BAD_RESPONSE' },
      ],
    });
    const attempts = (
      await server.client.request(
        `query ($id: ID!) { generation(id: $id) { fallbacks { provider promptTokens completionTokens costUsd } } }`,
        { id: generation.id },
        user,
      )
    ).data?.generation.fallbacks;
    for (const attempt of attempts) {
      expect(attempt.promptTokens).toBeGreaterThan(0);
      // Two of the stand-in's chunks arrived before each failure.
      expect(attempt.completionTokens).toBeGreaterThan(0);
      expect(attempt.costUsd).toBe(0);
    }

    const usage = await server.client.request(USAGE, {}, user);
    expect(usage.errors).toBeUndefined();
    const byProvider = Object.fromEntries(usage.data?.usage.map((bucket: { provider: string }) => [bucket.provider, bucket]));
    expect(Object.keys(byProvider).sort()).toEqual(['dropping', 'erroring', 'local']);
    for (const attempt of attempts) {
      expect(byProvider[attempt.provider]).toEqual({
        provider: attempt.provider,
        requests: 1,
        promptTokens: attempt.promptTokens,
        completionTokens: attempt.completionTokens,
      });
    }
    expect(byProvider.local).toMatchObject({ requests: 1, promptTokens: generation.usage.promptTokens, completionTokens: generation.usage.completionTokens });
  });

  it('keeps the counted usage of a generation that failed everywhere, each attempt once', async () => {
    const user = 'usage-of-a-failed-generation';
    // A subscriber has seen dropping's deltas: no starting over, the generation fails on dropping.
    const sub = subscribeOverSse(
      server.client.url,
      {
        query: `subscription { textGeneration(input: { prompt: "Stream it", provider: "dropping" }) { type generation { id status usage { promptTokens completionTokens } } } }`,
      },
      (body: string) => signedFor(TEST_SECRET, 'llm', { userId: user }, { body }),
    );
    let final;
    for (;;) {
      const event = (await sub.next()).data?.textGeneration;
      if (event.type !== 'STARTED' && event.type !== 'DELTA') {
        final = event;
        break;
      }
    }
    await sub.ended;
    expect(final.generation.status).toBe('FAILED');
    expect(final.generation.usage.completionTokens).toBeGreaterThan(0);
    const usage = await server.client.request(USAGE, {}, user);
    expect(usage.data?.usage).toEqual([{ provider: 'dropping', requests: 1, ...final.generation.usage }]);
  });

  it("streams the server's chunks as DELTA events through the subscription", async () => {
    const sub = subscribeOverSse(
      server.client.url,
      { query: `subscription { textGeneration(input: { prompt: "Stream it" }) { type delta generation { status provider usage { totalTokens } } } }` },
      (body: string) => signedFor(TEST_SECRET, 'llm', { userId: 'user-1' }, { body }),
    );
    const deltas: string[] = [];
    let final;
    for (;;) {
      const event = (await sub.next()).data?.textGeneration;
      if (event.type === 'DELTA') deltas.push(event.delta);
      else if (event.type !== 'STARTED') {
        final = event;
        break;
      }
    }
    expect(deltas.join('')).toBe(REPLY_WORDS.join(' '));
    expect(deltas.length).toBeGreaterThan(5);
    expect(final).toMatchObject({ type: 'COMPLETED', generation: { status: 'COMPLETED', provider: 'openai' } });
    expect(final.generation.usage.totalTokens).toBeGreaterThan(0);
    await sub.ended;
  });
});
