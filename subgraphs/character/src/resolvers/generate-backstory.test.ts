import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayProjection, readStream } from '#lib/event-store/index.js';
import { startFakeGateway, type FakeGateway, type GatewayCall } from '#lib/gateway-client/testing/fake-gateway.js';
import { characters } from '../db/schema.js';
import { characterStreamId } from '../events/character-events.js';
import { characterProjection } from '../events/projection.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

const GENERATE = `mutation($input: GenerateBackstoryInput!) {
  generateBackstory(input: $input) { generationId character { id backstory version } }
}`;

let server: CharacterTestServer;
let hub: FakeGateway;
beforeAll(async () => {
  hub = await startFakeGateway();
  process.env.HUB_URL = hub.url;
  server = await startCharacterTestServer({ hubFromEnv: true });
});
afterAll(async () => {
  await server?.close();
  await hub?.close();
});

/** The llm's answer to generateText, as the gateway relays it. */
function completed(id: string, text: string) {
  return { data: { generateText: { generation: { id, status: 'COMPLETED', text, provider: 'local', error: null } } } };
}

async function create(owner = 'alice'): Promise<string> {
  const result = await server.client.request(CREATE, { input: dwarfFighter() }, owner);
  expect(result.errors).toBeUndefined();
  return result.data?.createCharacter.character.id;
}

describe('generateBackstory', () => {
  it("asks the llm with the character's real attributes, as the caller, and stores the text as an event", async () => {
    const id = await create();
    let seen: GatewayCall | undefined;
    hub.answer('CharacterGenerateBackstoryText', (call) => {
      seen = call;
      return completed('gen-1', '  Bruenor grew up under the mountain.\n\nHe left to find his clan.  ');
    });
    const result = await server.client.request(GENERATE, { input: { characterId: id, prompt: ' exiled king ', seed: 7 } }, 'alice');
    expect(result.errors).toBeUndefined();
    expect(result.data?.generateBackstory).toEqual({
      generationId: 'gen-1',
      character: { id, backstory: 'Bruenor grew up under the mountain.\n\nHe left to find his clan.', version: 2 },
    });
    expect(seen?.variables).toEqual({
      input: {
        kind: 'BACKSTORY',
        prompt: 'exiled king',
        seed: 7,
        context: { characterId: id, characterName: 'Bruenor', race: 'hill dwarf', characterClass: 'fighter', background: 'Soldier', alignment: 'lawful good' },
      },
    });
    // The caller's own signed identity goes to the hub, so the llm counts the call against alice's limits.
    expect(seen?.caller?.userId).toBe('alice');

    const stream = await readStream(server.database.db, characterStreamId(id));
    expect(stream.at(-1)).toMatchObject({
      type: 'CharacterUpdated',
      data: { characterId: id, changes: { backstory: expect.stringMatching(/^Bruenor/) }, generationId: 'gen-1' },
    });
    // The read table is the events' projection: a replay rebuilds the generated backstory.
    await replayProjection(server.database.db, characterProjection);
    const [row] = await server.database.db.select().from(characters).where(eq(characters.id, id));
    expect(row?.backstory).toBe('Bruenor grew up under the mountain.\n\nHe left to find his clan.');
  });

  it('is for the owner only (FORBIDDEN), asks nobody for an unknown character (NOT_FOUND) and needs a user', async () => {
    const id = await create('alice');
    const before = hub.calls.length;
    const forbidden = await server.client.request(GENERATE, { input: { characterId: id } }, 'mallory');
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await server.client.request(GENERATE, { input: { characterId: '00000000-0000-4000-8000-000000000000' } }, 'alice');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await server.client.request(GENERATE, { input: { characterId: id } }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(hub.calls.length).toBe(before);
  });

  it("passes the llm's RATE_LIMITED through with retryAfter, and stores nothing", async () => {
    const id = await create();
    hub.answer('CharacterGenerateBackstoryText', () => ({
      errors: [{ message: 'rate limit of alice reached', extensions: { code: 'RATE_LIMITED', retryAfter: 12 } }],
      data: null,
    }));
    const result = await server.client.request(GENERATE, { input: { characterId: id } }, 'alice');
    expect(result.errors?.[0]).toMatchObject({ message: 'rate limit of alice reached', extensions: { code: 'RATE_LIMITED', retryAfter: 12 } });
    expect((await readStream(server.database.db, characterStreamId(id))).length).toBe(1);
  });

  it('turns a FAILED generation into its error code (SERVICE_UNAVAILABLE, RATE_LIMITED with retryAfter)', async () => {
    const id = await create();
    const failed = (code: string, retryAfter: number | null) => ({
      data: {
        generateText: {
          generation: {
            id: 'gen-failed',
            status: 'FAILED',
            text: '',
            provider: 'openai',
            error: { code, message: `every provider failed: ${code}`, retryAfter },
          },
        },
      },
    });
    hub.answer('CharacterGenerateBackstoryText', () => failed('SERVICE_UNAVAILABLE', null));
    const unavailable = await server.client.request(GENERATE, { input: { characterId: id } }, 'alice');
    expect(unavailable.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', generationId: 'gen-failed' });
    hub.answer('CharacterGenerateBackstoryText', () => failed('RATE_LIMITED', 3.5));
    const limited = await server.client.request(GENERATE, { input: { characterId: id } }, 'alice');
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 3.5 });
    const read = await server.client.request('query($id: ID!) { character(id: $id) { backstory version } }', { id }, 'alice');
    expect(read.data?.character).toEqual({ backstory: null, version: 1 });
  });

  it('answers SERVICE_UNAVAILABLE when the hub cannot be reached', async () => {
    const id = await create();
    const url = process.env.HUB_URL;
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    process.env.HUB_URL = 'http://127.0.0.1:9/graphql';
    try {
      const result = await server.client.request(GENERATE, { input: { characterId: id } }, 'alice');
      expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      process.env.HUB_URL = url;
    }
  });
});
