import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '#lib/event-store/index.js';
import { characters } from '../db/schema.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';
import { characterStreamId } from './character-events.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const UPDATE = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { id version } } }';
const AWARD = 'mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { experience version } } }';
const DELETE = 'mutation($input: DeleteCharacterInput!) { deleteCharacter(input: $input) { deletedCharacterId } }';

async function create(owner = 'alice', headers: Record<string, string> = {}): Promise<string> {
  const result = await server.client.request(CREATE, { input: dwarfFighter() }, owner, headers);
  expect(result.errors).toBeUndefined();
  return result.data?.createCharacter.character.id;
}

function streamOf(id: string) {
  return server.database.db
    .select()
    .from(events)
    .where(eq(events.streamId, characterStreamId(id)))
    .orderBy(asc(events.streamVersion));
}

async function eventCount(): Promise<number> {
  const [row] = await server.database.db.select({ count: sql<number>`count(*)::int` }).from(events);
  return Number(row?.count);
}

describe('character events', () => {
  it('records created, updated (changed fields only), awarded and deleted, versions matching the character', async () => {
    const id = await create();
    const updated = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Bruenor', backstory: 'King.' } }, 'alice');
    expect(updated.data?.updateCharacter.character.version).toBe(2);
    const awarded = await server.client.request(AWARD, { input: { characterId: id, amount: 250, reason: '  Goblin ambush ' } }, 'alice');
    expect(awarded.data?.awardExperience.character).toEqual({ experience: 6750, version: 3 });
    expect((await server.client.request(DELETE, { input: { id } }, 'alice')).errors).toBeUndefined();

    const stream = await streamOf(id);
    expect(stream.map((event) => [event.type, event.streamVersion])).toEqual([
      ['CharacterCreated', 1],
      ['CharacterUpdated', 2],
      ['ExperienceAwarded', 3],
      ['CharacterDeleted', 4],
    ]);
    expect(stream[0]?.data).toMatchObject({ characterId: id, owner: 'alice', name: 'Bruenor', experience: 6500, currentHitPoints: 54, portraitImageId: null });
    // The name was given but unchanged: only the backstory is recorded.
    expect(stream[1]?.data).toEqual({ characterId: id, changes: { backstory: 'King.' } });
    expect(stream[2]?.data).toEqual({ characterId: id, amount: 250, reason: 'Goblin ambush' });
    expect(stream[3]?.data).toEqual({ characterId: id });
    expect(stream.every((event) => event.metadata.userId === 'alice')).toBe(true);
  });

  it('appends nothing for bad input, a stale version, a foreign user, an unknown id, or an award past the cap', async () => {
    const id = await create();
    const before = await eventCount();
    const failures = [
      await server.client.request(CREATE, { input: dwarfFighter({ name: '  ' }) }, 'alice'),
      await server.client.request(UPDATE, { input: { id, expectedVersion: 7, name: 'Stale' } }, 'alice'),
      await server.client.request(UPDATE, { input: { id, expectedVersion: 1, currentHitPoints: 999 } }, 'alice'),
      await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Stolen' } }, 'mallory'),
      await server.client.request(DELETE, { input: { id } }, 'mallory'),
      await server.client.request(AWARD, { input: { characterId: id, amount: 0 } }, 'alice'),
      await server.client.request(AWARD, { input: { characterId: '00000000-0000-4000-8000-000000000000', amount: 5 } }, 'alice'),
      await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Anonymous' } }, null),
    ];
    expect(failures.map((result) => result.errors?.[0]?.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'CONFLICT',
      'BAD_USER_INPUT',
      'FORBIDDEN',
      'FORBIDDEN',
      'BAD_USER_INPUT',
      'NOT_FOUND',
      'UNAUTHENTICATED',
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('rolls the award event back when the projected experience would pass the cap', async () => {
    const id = await create();
    // Close to the 100,000,000 cap, so that one valid award passes it.
    await server.client.request(UPDATE, { input: { id, expectedVersion: 1, experience: 99_500_000 } }, 'alice');
    const before = await eventCount();
    const result = await server.client.request(AWARD, { input: { characterId: id, amount: 600_000 } }, 'alice');
    expect(result.errors?.[0]).toMatchObject({ message: 'experience cannot exceed 100000000', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await eventCount()).toBe(before);
    const [row] = await server.database.db.select().from(characters).where(eq(characters.id, id));
    expect(row).toMatchObject({ experience: 99_500_000, version: 2 });
  });

  it('lets exactly one of two concurrent deletes record CharacterDeleted', async () => {
    const id = await create();
    const results = await Promise.all([0, 1].map(() => server.client.request(DELETE, { input: { id } }, 'alice')));
    expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['NOT_FOUND', 'OK']);
    expect((await streamOf(id)).map((event) => event.type)).toEqual(['CharacterCreated', 'CharacterDeleted']);
  });

  it('carries x-request-id into the metadata as the correlation id, else a fresh UUID', async () => {
    const traced = await create('alice', { 'x-request-id': 'req-42-abc' });
    const [tracedEvent] = await streamOf(traced);
    expect(tracedEvent?.metadata).toMatchObject({ correlationId: 'req-42-abc', userId: 'alice' });
    const untraced = await create('alice');
    const [untracedEvent] = await streamOf(untraced);
    expect(untracedEvent?.metadata.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
