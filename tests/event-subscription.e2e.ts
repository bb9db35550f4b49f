/**
 * Live domain events through the gateway, as a frontend follows them: five real processes, a subscription over
 * SSE and one over graphql-ws, and mutations whose events arrive with the client's request id as correlationId.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../subgraphs/image/src/testing/sample-images.js';
import { connectOverWs, subscribeOverSse } from './helpers/subscriptions.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { signedFor } from '#lib/auth/testing/signed-headers.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const EVENTS = `subscription Follow($streamId: String, $type: String) {
  characterEvents(streamId: $streamId, type: $type) { globalPosition streamId version type correlationId data character { id name level } }
}`;
const CREATE = 'mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }';
const UPDATE = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { version } } }';

const FIGHTER = {
  name: 'Regdar',
  race: 'HUMAN',
  class: 'FIGHTER',
  abilityScores: { strength: 16, dexterity: 12, constitution: 14, intelligence: 10, wisdom: 11, charisma: 9 },
};

/** A mutation through the gateway as `user`, with the request id its events will carry. */
async function mutate(query: string, variables: Record<string, unknown>, requestId: string, user = 'player-1') {
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await platform.token(user)}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** The character service's live subscribers, from its /metrics (the subgraph behind the gateway). */
async function characterSubscribers(): Promise<number> {
  // Signed as the gateway signs a scrape of it: a service's /metrics answers nobody else.
  const headers = signedFor(E2E_SECRET, 'character', { userId: null }, { method: 'GET', path: '/metrics' });
  const text = await (await fetch(`http://127.0.0.1:${platform.ports.character}/metrics`, { headers })).text();
  return Number(/event_feed_subscribers\{service="character"\} (\d+)/.exec(text)?.[1]);
}

describe('character events through the gateway', () => {
  it('reach a subscriber over SSE with the type, stream and correlation id of the mutation; unsubscribing ends them', async () => {
    // The owner follows: character events reach only a character's owner and its campaign's DM.
    const headers = { authorization: `Bearer ${await platform.token('player-1')}` };
    const created = subscribeOverSse(`${platform.url}/graphql`, { query: EVENTS, variables: { type: 'CharacterCreated' } }, headers);
    await created.connected;
    expect(await characterSubscribers()).toBe(1);

    const requestId = `e2e-create-${randomUUID()}`;
    const id = (await mutate(CREATE, { input: FIGHTER }, requestId)).createCharacter.character.id;
    const { data, errors } = await created.next();
    expect(errors).toBeUndefined();
    expect(data?.characterEvents).toMatchObject({
      streamId: `character-${id}`,
      version: 1,
      type: 'CharacterCreated',
      correlationId: requestId,
      data: { characterId: id, owner: 'player-1', name: 'Regdar' },
      character: { id, name: 'Regdar', level: 1 },
    });

    created.dispose();
    await expect.poll(characterSubscribers, { timeout: 10_000 }).toBe(0);
    await mutate(CREATE, { input: { ...FIGHTER, name: 'Unheard' } }, `e2e-${randomUUID()}`);
    // Nothing was queued after the first event: the stream just ended.
    await expect(created.next(1_000)).rejects.toThrow('the subscription ended');
  });

  it("reach a subscriber over graphql-ws, narrowed to one character's stream", async () => {
    const id = (await mutate(CREATE, { input: { ...FIGHTER, name: 'Lidda' } }, `e2e-${randomUUID()}`)).createCharacter.character.id;
    const socket = connectOverWs(`${platform.url.replace('http:', 'ws:')}/graphql`, { authorization: `Bearer ${await platform.token('player-1')}` });
    const updates = socket.subscribe({ query: EVENTS, variables: { streamId: `character-${id}` } });
    await expect.poll(characterSubscribers, { timeout: 10_000 }).toBe(1);

    const requestId = `e2e-update-${randomUUID()}`;
    await mutate(UPDATE, { input: { id, expectedVersion: 1, name: 'Lidda the Quick' } }, requestId);
    expect((await updates.next()).data?.characterEvents).toMatchObject({
      streamId: `character-${id}`,
      version: 2,
      type: 'CharacterUpdated',
      correlationId: requestId,
      data: { characterId: id, changes: { name: 'Lidda the Quick' } },
      character: { name: 'Lidda the Quick' },
    });

    updates.dispose();
    await expect.poll(characterSubscribers, { timeout: 10_000 }).toBe(0);
    await mutate(UPDATE, { input: { id, expectedVersion: 2, name: 'Lidda' } }, `e2e-${randomUUID()}`);
    await expect(updates.next(1_000)).rejects.toThrow('the subscription ended');
    await socket.dispose();
  });

  it("resolve fields of other services for each event: the character's portrait from the image service", async () => {
    const id = (await mutate(CREATE, { input: { ...FIGHTER, name: 'Jozan' } }, `e2e-${randomUUID()}`)).createCharacter.character.id;
    const headers = { authorization: `Bearer ${await platform.token('player-1')}` };
    const query = `subscription($streamId: String) { characterEvents(streamId: $streamId) {
      type character { name portrait { url width height mimeType } } } }`;
    const events = subscribeOverSse(`${platform.url}/graphql`, { query, variables: { streamId: `character-${id}` } }, headers);
    await events.connected;

    const upload = 'mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id } } }';
    const dataBase64 = samplePng(24, 24).toString('base64');
    const imageId = (await mutate(upload, { input: { kind: 'PORTRAIT', dataBase64 } }, `e2e-${randomUUID()}`)).uploadImage.image.id;
    await mutate(UPDATE, { input: { id, expectedVersion: 1, portraitImageId: imageId } }, `e2e-${randomUUID()}`);
    const { data, errors } = await events.next();
    expect(errors).toBeUndefined();
    // portrait @requires the character's portraitImageId: the gateway fetched it from character and sent it to image.
    expect(data).toEqual({
      characterEvents: {
        type: 'CharacterUpdated',
        character: { name: 'Jozan', portrait: { url: `/images/${imageId}`, width: 24, height: 24, mimeType: 'image/png' } },
      },
    });
    events.dispose();
  });
});
