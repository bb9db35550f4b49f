import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/index.js';
import { startOpenAiServer, type FakeServer } from '../../../../tests/fakes/openai-server.js';
import type { schema } from '../db/schema.js';
import { LOCAL_IMAGE_MODEL } from '../providers/local/local-image.js';
import { GENERATION_FIELDS, openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';

let database: Database<typeof schema>;
let openai: FakeServer;
let server: LlmTestServer;

beforeAll(async () => {
  database = await openLlmTestDatabase();
  openai = await startOpenAiServer();
  const base_url = `${openai.url}/v1`;
  const providers = {
    openai: { type: 'openai' as const, base_url, api_keys: ['sk-good-key-0001'], model: 'gpt-4o-mini', timeout: 5 },
    revoked: { type: 'openai' as const, base_url, api_keys: ['sk-test-401'], image_model: 'dall-e-2', fallback: ['local'] },
    local: {},
  };
  server = await startLlmTestServer(database, { llmService: { providers } });
});
afterAll(async () => {
  await server?.close();
  await openai?.close();
  await database?.close();
});

const IMAGE = `mutation ($input: GenerateImageInput!) { generateImage(input: $input) { generation { ${GENERATION_FIELDS} } } }`;

describe('the model of an image request that names none', () => {
  it("is the local provider's image model, recorded with the generation", async () => {
    const result = await server.client.request(IMAGE, { input: { prompt: 'a gnome bard', provider: 'local', width: 256, height: 256 } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.generateImage.generation).toMatchObject({ provider: 'local', model: LOCAL_IMAGE_MODEL });
  });

  it("is the openai provider's image model (not its text model), sent to the server", async () => {
    const before = openai.requests.length;
    const result = await server.client.request(IMAGE, { input: { prompt: 'a gnome bard', provider: 'openai', width: 1024, height: 1024 } });
    expect(result.errors).toBeUndefined();
    const sent = openai.requests.slice(before).filter((r) => r.path === '/v1/images/generations');
    expect(sent.map((r) => (r.body as { model?: unknown }).model)).toEqual(['dall-e-3']);
    expect(result.data?.generateImage.generation).toMatchObject({ provider: 'openai', model: 'dall-e-3' });
  });

  it("is hub.yaml's image_model when set, and each fallback's own image model", async () => {
    const before = openai.requests.length;
    const result = await server.client.request(IMAGE, { input: { prompt: 'a gnome bard', provider: 'revoked', width: 256, height: 256 } });
    expect(result.errors).toBeUndefined();
    const sent = openai.requests.slice(before).filter((r) => r.path === '/v1/images/generations');
    expect(sent.map((r) => (r.body as { model?: unknown }).model)).toEqual(['dall-e-2']);
    expect(result.data?.generateImage.generation).toMatchObject({
      provider: 'local',
      model: LOCAL_IMAGE_MODEL,
      fallbacks: [{ provider: 'revoked', reason: 'UNAUTHORIZED' }],
    });
  });
});
