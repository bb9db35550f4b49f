/**
 * A mutation sent with an idempotency-key runs once per key and caller (lib/subgraph/idempotency), shown on the
 * character service over real HTTP and SQL: the retry gets the first answer and no second character exists, a retry
 * racing the first run waits for it, the key is the caller's own, and a failed run leaves the key free.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#lib/db/query-rows.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from './testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server?.close());

type Created = { createCharacter: { character: { id: string; name: string } } };
const create = (name: string, key?: string, user = 'player-1') =>
  server.client.request<Created>(CREATE, { input: dwarfFighter({ name }) }, user, key ? { 'idempotency-key': key } : {});
const named = async (name: string) => (await queryRows<{ id: string }>(server.database.db, sql`SELECT id FROM characters WHERE name = ${name}`)).length;

describe('a mutation with an idempotency-key', () => {
  it('runs once: a retry gets the same character, and only one exists', async () => {
    const first = await create('Once', 'key-once');
    const retry = await create('Once', 'key-once');
    expect(first.data?.createCharacter.character.id).toBeDefined();
    expect(retry.data).toEqual(first.data);
    expect(await named('Once')).toBe(1);
    // Without a key nothing is remembered: two requests, two characters.
    await create('Twice');
    await create('Twice');
    expect(await named('Twice')).toBe(2);
  });

  it('makes a retry that arrives while the first run is still going wait for its answer', async () => {
    const answers = await Promise.all([create('Racing', 'key-race'), create('Racing', 'key-race'), create('Racing', 'key-race')]);
    const ids = new Set(answers.map((answer) => answer.data?.createCharacter.character.id));
    expect(answers.every((answer) => !answer.errors)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await named('Racing')).toBe(1);
  });

  it('refuses the same key with another request, and keeps each caller its own keys', async () => {
    await create('First use', 'key-shared');
    const reused = await create('Second use', 'key-shared');
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', header: 'idempotency-key' });
    expect(await named('Second use')).toBe(0);
    const otherUser = await create('Second use', 'key-shared', 'player-2');
    expect(otherUser.errors).toBeUndefined();
    expect(await named('Second use')).toBe(1);
  });

  it('keeps no answer of a failed run, so that its retry runs again', async () => {
    const bad = await server.client.request(CREATE, { input: dwarfFighter({ name: 'Failed', abilityScores: { strength: 99 } }) }, 'player-1', {
      'idempotency-key': 'key-failed',
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const keys = await queryRows(server.database.db, sql`SELECT 1 FROM idempotent_requests WHERE key = 'key-failed'`);
    expect(keys).toHaveLength(0);
  });

  it('refuses a key longer than 255 characters', async () => {
    const long = await create('Long key', 'k'.repeat(256));
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', header: 'idempotency-key' });
    expect(await named('Long key')).toBe(0);
  });
});
