import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/index.js';
import type { schema } from '../db/schema.js';
import { createStaticSource } from '../generations/static-source.js';
import { ProviderError, type Capability, type ImageRequest, type ImageResult, type Provider, type ProviderStatus } from '../providers/provider.js';
import { GENERATION_FIELDS, openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';

/** Draws nothing until its call is aborted: a slow image model, to cancel while it works. */
class HangingImageProvider implements Provider {
  readonly type = 'scripted';
  readonly capabilities: readonly Capability[] = ['image'];
  readonly defaultModel = 'slow-painter';
  started = 0;
  aborted = 0;

  constructor(readonly name: string) {}

  generateImage(request: ImageRequest): Promise<ImageResult> {
    this.started++;
    return new Promise((_, reject) => {
      request.signal.addEventListener(
        'abort',
        () => {
          this.aborted++;
          reject(new ProviderError('CANCELLED', `${this.name} cancelled`));
        },
        { once: true },
      );
    });
  }

  status(): ProviderStatus {
    return { name: this.name, type: this.type, capabilities: [...this.capabilities], models: [this.defaultModel], healthy: true, keys: [] };
  }
}

let database: Database<typeof schema>;
const servers: LlmTestServer[] = [];
beforeAll(async () => {
  database = await openLlmTestDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await database?.close();
});

const IMAGE = `mutation ($input: GenerateImageInput!) { generateImage(input: $input) { generation { ${GENERATION_FIELDS} } } }`;
const CANCEL = `mutation ($input: CancelGenerationInput!) { cancelGeneration(input: $input) { generation { ${GENERATION_FIELDS} } } }`;
const LIST = '{ generations(first: 1) { edges { node { id type status } } } }';

async function runningImage(server: LlmTestServer, user: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const node = (await server.client.request(LIST, {}, user)).data?.generations.edges[0]?.node;
    if (node?.type === 'IMAGE' && node.status === 'RUNNING') return node.id;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no RUNNING image generation appeared');
}

describe('cancelGeneration of an image generation', () => {
  it('finds it RUNNING while the provider draws, aborts the call here and ends it CANCELLED', async () => {
    const painter = new HangingImageProvider('painter');
    const server = await startLlmTestServer(database, { providers: createStaticSource([painter]) });
    servers.push(server);
    const user = 'impatient-painter';
    const pending = server.client.request(IMAGE, { input: { prompt: 'a castle at dusk' } }, user);
    const id = await runningImage(server, user);

    const cancelled = await server.client.request(CANCEL, { input: { id } }, user);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data?.cancelGeneration.generation).toMatchObject({ id, type: 'IMAGE', status: 'CANCELLED', provider: 'painter', model: 'slow-painter' });
    expect(painter.aborted).toBe(1);
    const answered = await pending;
    expect(answered.data?.generateImage.generation).toMatchObject({ id, status: 'CANCELLED' });
    // Someone else cannot cancel (or see) it.
    expect((await server.client.request(CANCEL, { input: { id } }, 'someone-else')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is stopped by the instance running it when the cancel reaches another instance', async () => {
    const painter = new HangingImageProvider('painter');
    const running = await startLlmTestServer(database, { providers: createStaticSource([painter]), instanceId: 'image-runner' });
    const other = await startLlmTestServer(database, { providers: createStaticSource([new HangingImageProvider('painter')]), instanceId: 'image-other' });
    servers.push(running, other);
    const user = 'impatient-elsewhere';
    const pending = running.client.request(IMAGE, { input: { prompt: 'a castle at dawn' } }, user);
    const id = await runningImage(running, user);

    const cancelled = await other.client.request(CANCEL, { input: { id } }, user);
    expect(cancelled.data?.cancelGeneration.generation).toMatchObject({ id, status: 'CANCELLED' });
    expect(painter.aborted).toBe(1);
    expect((await pending).data?.generateImage.generation.status).toBe('CANCELLED');
  });
});
