import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream, replayProjection } from '#lib/event-store/index.js';
import { startFakeGateway, type FakeGateway, type GatewayAnswer, type GatewayCall } from '#lib/gateway-client/testing/fake-gateway.js';
import { runBranch } from '../../../../tests/helpers/branch-protocol.js';
import { imageStreamId } from '../events/image-events.js';
import { projection } from '../events/projection.js';
import { samplePng } from '../testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from '../testing/image-test-server.js';

const GENERATE = `mutation($input: GeneratePortraitInput!) {
  generatePortrait(input: $input) { generationId transactionId character { id } image { id ownerId kind mimeType width height prompt provider url } }
}`;
const IMAGE = 'query($id: ID!) { image(id: $id) { id prompt provider } }';

let server: ImageTestServer;
let hub: FakeGateway;
const PNG = samplePng(16, 16, [10, 120, 200]);
const characterId = randomUUID();
const linked: Array<{ characterId: string; imageId: string }> = [];

beforeAll(async () => {
  hub = await startFakeGateway();
  process.env.HUB_URL = hub.url;
  server = await startImageTestServer();
});
afterAll(async () => {
  await server?.close();
  await hub?.close();
});

function subject(owner = 'alice'): GatewayAnswer {
  return { data: { character: { id: characterId, owner, name: 'Bruenor', race: 'HILL_DWARF', class: 'FIGHTER' } } };
}
function drawn(images: Array<{ dataUrl: string }>, status = 'COMPLETED', error: unknown = null): GatewayAnswer {
  return { data: { generateImage: { generation: { id: 'gen-img', status, provider: 'local', model: 'local-avatar-v1', error, images } } } };
}

/** The hub's setCharacterPortrait, as far as this service sees it: its storePortrait branch, prepared and committed. */
async function setCharacterPortrait(call: GatewayCall): Promise<GatewayAnswer> {
  const input = call.variables.input as { characterId: string; dataBase64: string; prompt: string };
  const imageId = randomUUID();
  const actor = call.caller?.userId ?? null;
  const outcome = await runBranch(server.client, { operation: 'storePortrait', payload: { imageId, ...input }, actor });
  if (outcome.errorCode) return { errors: [{ message: outcome.errorMessage ?? 'refused', extensions: { code: outcome.errorCode } }] };
  linked.push({ characterId: input.characterId, imageId });
  return { data: { setCharacterPortrait: { image: { id: imageId }, transaction: { id: outcome.transactionId } } } };
}

describe('generatePortrait', () => {
  it('draws from the character, links the PNG through the hub workflow and records the provider and prompt', async () => {
    hub.answer('ImagePortraitSubject', () => subject());
    let asked: GatewayCall | undefined;
    hub.answer('ImageGeneratePortraitImage', (call) => {
      asked = call;
      return drawn([{ dataUrl: `data:image/png;base64,${PNG.toString('base64')}` }]);
    });
    hub.answer('ImageSetCharacterPortrait', setCharacterPortrait);
    const result = await server.client.request(GENERATE, { input: { characterId, prompt: 'braided beard', seed: 9 } }, 'alice');
    expect(result.errors).toBeUndefined();
    const payload = result.data?.generatePortrait;
    const prompt = 'Fantasy portrait of Bruenor, a hill dwarf fighter, head and shoulders, detailed. braided beard';
    expect(asked?.variables).toEqual({ input: { prompt, characterId, width: 512, height: 512, n: 1, seed: 9 } });
    expect(asked?.caller?.userId).toBe('alice');
    expect(payload).toMatchObject({
      generationId: 'gen-img',
      character: { id: characterId },
      image: { ownerId: 'alice', kind: 'PORTRAIT', mimeType: 'image/png', width: 16, height: 16, prompt, provider: 'local' },
    });
    expect(linked.at(-1)).toEqual({ characterId, imageId: payload.image.id });
    const bytes = Buffer.from(await (await server.client.get(payload.image.url)).arrayBuffer());
    expect(bytes).toEqual(PNG);

    const stream = await readStream(server.database.db, imageStreamId(payload.image.id));
    expect(stream.map((event) => event.type)).toEqual(['ImageStored', 'ImageProvenanceRecorded']);
    expect(stream[1]).toMatchObject({
      data: { provider: 'local', model: 'local-avatar-v1', generationId: 'gen-img' },
      metadata: { causationId: payload.transactionId },
    });
    await replayProjection(server.database.db, projection);
    expect((await server.client.request(IMAGE, { id: payload.image.id }, 'alice')).data?.image).toEqual({ id: payload.image.id, prompt, provider: 'local' });
  });

  it("is for the character's owner (FORBIDDEN), NOT_FOUND for an unknown character, and draws nothing then", async () => {
    hub.answer('ImagePortraitSubject', () => subject('bob'));
    const before = hub.calls.filter((call) => call.operationName === 'ImageGeneratePortraitImage').length;
    const refused = await server.client.request(GENERATE, { input: { characterId } }, 'alice');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    hub.answer('ImagePortraitSubject', () => ({ data: { character: null } }));
    const missing = await server.client.request(GENERATE, { input: { characterId } }, 'alice');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await server.client.request(GENERATE, { input: { characterId } }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(hub.calls.filter((call) => call.operationName === 'ImageGeneratePortraitImage').length).toBe(before);
  });

  it("passes the llm's errors through with their codes and retryAfter, and stores nothing", async () => {
    hub.answer('ImagePortraitSubject', () => subject());
    hub.answer('ImageSetCharacterPortrait', setCharacterPortrait);
    const links = linked.length;
    hub.answer('ImageGeneratePortraitImage', () => ({
      data: null,
      errors: [{ message: 'too many images', extensions: { code: 'RATE_LIMITED', retryAfter: 20 } }],
    }));
    const limited = await server.client.request(GENERATE, { input: { characterId } }, 'alice');
    expect(limited.errors?.[0]).toMatchObject({ message: 'too many images', extensions: { code: 'RATE_LIMITED', retryAfter: 20 } });
    hub.answer('ImageGeneratePortraitImage', () =>
      drawn([], 'FAILED', { code: 'SERVICE_UNAVAILABLE', message: 'no image provider answered', retryAfter: null }),
    );
    const failed = await server.client.request(GENERATE, { input: { characterId } }, 'alice');
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', generationId: 'gen-img' });
    expect(linked.length).toBe(links);
  });

  it('answers SERVICE_UNAVAILABLE when the llm returns something that is not a PNG, and links nothing', async () => {
    hub.answer('ImagePortraitSubject', () => subject());
    const links = linked.length;
    for (const dataUrl of ['data:image/png;base64,bm90IGEgcG5n', 'https://example.com/x.png', `data:image/jpeg;base64,${PNG.toString('base64')}`]) {
      hub.answer('ImageGeneratePortraitImage', () => drawn([{ dataUrl }]));
      const result = await server.client.request(GENERATE, { input: { characterId } }, 'alice');
      expect(result.errors?.[0]?.extensions?.code, dataUrl).toBe('SERVICE_UNAVAILABLE');
    }
    hub.answer('ImageGeneratePortraitImage', () => drawn([]));
    expect((await server.client.request(GENERATE, { input: { characterId } }, 'alice')).errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(linked.length).toBe(links);
  });

  it("passes the workflow's refusal through (the character service's FORBIDDEN)", async () => {
    hub.answer('ImagePortraitSubject', () => subject());
    hub.answer('ImageGeneratePortraitImage', () => drawn([{ dataUrl: `data:image/png;base64,${PNG.toString('base64')}` }]));
    hub.answer('ImageSetCharacterPortrait', () => ({
      data: null,
      errors: [{ message: 'only the owner can change this character', extensions: { code: 'FORBIDDEN' } }],
    }));
    const result = await server.client.request(GENERATE, { input: { characterId } }, 'alice');
    expect(result.errors?.[0]).toMatchObject({ message: 'only the owner can change this character', extensions: { code: 'FORBIDDEN' } });
  });
});
