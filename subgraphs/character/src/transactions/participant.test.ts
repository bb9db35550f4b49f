import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, readStream } from '#lib/event-store/index.js';
import { decide, prepare, runBranch } from '../../../../tests/helpers/branch-protocol.js';
import { txBranches, txReservations } from '../db/schema.js';
import { characterStreamId } from '../events/character-events.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

const READ = 'query($id: ID!) { character(id: $id) { experience level version activeCampaignId portraitImageId } }';
const UPDATE = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { version } } }';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

async function create(owner: string, experience = 0): Promise<string> {
  const result = await server.client.request(CREATE, { input: dwarfFighter({ experience }) }, owner);
  expect(result.errors).toBeUndefined();
  return result.data?.createCharacter.character.id;
}

async function read(id: string, user = 'alice') {
  return (await server.client.request(READ, { id }, user)).data?.character;
}

async function eventCount(): Promise<number> {
  const [row] = await server.database.db.select({ n: sql<number>`count(*)::int` }).from(events);
  return Number(row?.n);
}

/** What a refused prepare must leave: no event, no branch row, no reservation. */
async function footprint() {
  return {
    events: await eventCount(),
    branches: (await server.database.db.select().from(txBranches)).length,
    reservations: await server.database.db.select().from(txReservations),
  };
}

describe('awardSessionExperience (the character branch of endSession)', () => {
  it('adds the session experience to every character at commit, each event tagged with the session and the transaction', async () => {
    const [first, second] = [await create('alice', 300), await create('bob', 0)];
    const sessionId = randomUUID();
    const payload = { characterIds: [first, second], amount: 600, sessionId, reason: 'Session 1: Goblin Arrows' };
    const pending = await prepare(server.client, { operation: 'awardSessionExperience', payload, actor: 'dm' });
    expect(pending.prepared).toEqual({ characterIds: [first, second] });
    // Prepared is not applied: nobody sees the experience before the hub's decision.
    expect(await read(first!)).toMatchObject({ experience: 300, level: 2 });

    expect(await decide(server.client, pending.transactionId, 'commit')).toEqual({ state: 'COMMITTED' });
    expect(await read(first!)).toMatchObject({ experience: 900, level: 3, version: 2 });
    expect(await read(second!, 'bob')).toMatchObject({ experience: 600, level: 2, version: 2 });
    const [, award] = await readStream(server.database.db, characterStreamId(first!));
    expect(award).toMatchObject({ type: 'ExperienceAwarded', data: { characterId: first, amount: 600, sessionId, reason: 'Session 1: Goblin Arrows' } });
    expect(award?.metadata).toMatchObject({ correlationId: pending.transactionId, causationId: pending.transactionId, userId: 'dm' });
  });

  it('answers NOT_FOUND when one character is missing, and writes nothing for any of them', async () => {
    const existing = await create('alice', 100);
    const missing = randomUUID();
    const before = await footprint();
    const outcome = await runBranch(server.client, {
      operation: 'awardSessionExperience',
      payload: { characterIds: [existing, missing], amount: 50, sessionId: randomUUID(), reason: 'Session 2' },
      actor: 'dm',
    });
    expect(outcome.errorCode).toBe('NOT_FOUND');
    expect(outcome.errorExtensions).toMatchObject({ characterIds: [missing] });
    expect(await footprint()).toEqual(before);
    expect(await read(existing)).toMatchObject({ experience: 100, version: 1 });
  });

  it('refuses an award that would pass the experience ceiling (BAD_USER_INPUT) and a malformed payload', async () => {
    const id = await create('alice', 99_999_000);
    const award = (amount: unknown) =>
      runBranch(server.client, {
        operation: 'awardSessionExperience',
        payload: { characterIds: [id], amount, sessionId: randomUUID(), reason: '' },
        actor: 'dm',
      });
    expect((await award(2_000)).errorCode).toBe('BAD_USER_INPUT');
    expect((await award(0)).errorCode).toBe('BAD_USER_INPUT');
    expect((await award('lots')).errorCode).toBe('BAD_USER_INPUT');
    expect(await read(id)).toMatchObject({ experience: 99_999_000, version: 1 });
  });
});

describe('joinCampaign and leaveCampaign (the character branches of joinParty and leaveParty)', () => {
  it('sets and clears activeCampaignId at commit; the events carry the transaction id', async () => {
    const id = await create('alice');
    const campaignId = randomUUID();
    const joined = await runBranch(server.client, { operation: 'joinCampaign', payload: { characterId: id, campaignId }, actor: 'alice' });
    expect(joined.errorCode).toBeUndefined();
    expect(await read(id)).toMatchObject({ activeCampaignId: campaignId, version: 2 });

    // Taking a character out of a party is the campaign's rule (DM or owner): here any actor's branch commits.
    const left = await runBranch(server.client, { operation: 'leaveCampaign', payload: { characterId: id, campaignId }, actor: 'the-dm' });
    expect(left.errorCode).toBeUndefined();
    expect(await read(id)).toMatchObject({ activeCampaignId: null, version: 3 });

    const stream = await readStream(server.database.db, characterStreamId(id));
    expect(stream.map((event) => [event.type, event.metadata.correlationId, event.metadata.userId])).toEqual([
      ['CharacterCreated', expect.any(String), 'alice'],
      ['ActiveCampaignSet', joined.transactionId, 'alice'],
      ['ActiveCampaignCleared', left.transactionId, 'the-dm'],
    ]);
    expect(stream[1]?.data).toEqual({ characterId: id, campaignId });
  });

  it('joinCampaign is FORBIDDEN for anyone but the owner and NOT_FOUND for an unknown character', async () => {
    const id = await create('alice');
    const before = await footprint();
    const join = (characterId: string, actor: string | null) =>
      runBranch(server.client, { operation: 'joinCampaign', payload: { characterId, campaignId: randomUUID() }, actor });
    expect((await join(id, 'mallory')).errorCode).toBe('FORBIDDEN');
    expect((await join(id, null)).errorCode).toBe('FORBIDDEN');
    expect((await join(randomUUID(), 'alice')).errorCode).toBe('NOT_FOUND');
    expect(await footprint()).toEqual(before);
    expect(await read(id)).toMatchObject({ activeCampaignId: null, version: 1 });
  });

  it('joinCampaign is a CONFLICT while the character is in a campaign; leaveCampaign of another campaign too', async () => {
    const id = await create('alice');
    const first = randomUUID();
    expect(
      (await runBranch(server.client, { operation: 'joinCampaign', payload: { characterId: id, campaignId: first }, actor: 'alice' })).errorCode,
    ).toBeUndefined();
    const second = await runBranch(server.client, { operation: 'joinCampaign', payload: { characterId: id, campaignId: randomUUID() }, actor: 'alice' });
    expect(second.errorCode).toBe('CONFLICT');
    expect(second.errorExtensions).toMatchObject({ characterId: id, campaignId: first });
    const wrongLeave = await runBranch(server.client, { operation: 'leaveCampaign', payload: { characterId: id, campaignId: randomUUID() }, actor: 'alice' });
    expect(wrongLeave.errorCode).toBe('CONFLICT');
    expect(await read(id)).toMatchObject({ activeCampaignId: first, version: 2 });
  });

  it('a prepared branch holds the character: ordinary writes and other transactions get CONFLICT until the decision', async () => {
    const id = await create('alice');
    const campaignId = randomUUID();
    const pending = await prepare(server.client, { operation: 'joinCampaign', payload: { characterId: id, campaignId }, actor: 'alice' });
    expect(pending.errorCode).toBeUndefined();
    const update = () => server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Wulfgar' } }, 'alice');
    expect((await update()).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', transactionId: pending.transactionId });
    const rival = await prepare(server.client, { operation: 'linkPortrait', payload: { characterId: id, imageId: randomUUID() }, actor: 'alice' });
    expect(rival.errorCode).toBe('CONFLICT');

    expect(await decide(server.client, pending.transactionId, 'abort')).toEqual({ state: 'ABORTED' });
    expect(await read(id)).toMatchObject({ activeCampaignId: null, version: 1 });
    expect((await update()).data?.updateCharacter.character).toEqual({ version: 2 });
  });
});

describe('linkPortrait (the character branch of setCharacterPortrait)', () => {
  it('sets portraitImageId for the owner at commit, FORBIDDEN for anyone else', async () => {
    const id = await create('alice');
    const imageId = randomUUID();
    const link = (actor: string) => runBranch(server.client, { operation: 'linkPortrait', payload: { characterId: id, imageId }, actor });
    expect((await link('mallory')).errorCode).toBe('FORBIDDEN');
    expect(await read(id)).toMatchObject({ portraitImageId: null, version: 1 });
    const linked = await link('alice');
    expect(linked.errorCode).toBeUndefined();
    expect(await read(id)).toMatchObject({ portraitImageId: imageId, version: 2 });
    const [, event] = await readStream(server.database.db, characterStreamId(id));
    expect(event).toMatchObject({ type: 'CharacterUpdated', data: { characterId: id, changes: { portraitImageId: imageId } } });
    expect(event?.metadata.correlationId).toBe(linked.transactionId);
  });
});
