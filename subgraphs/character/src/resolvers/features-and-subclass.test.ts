import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characters } from '../db/schema.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const FEATURES = `id subclass level initiative criticalRange senses { name range } auras { name range effect }
  features { name source sourceName level description value } skills { skill bonus }`;
const CREATE_FEATURES = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { ${FEATURES} } } }`;
const UPDATE = `mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { id subclass version } } }`;
const READ = `query($id: ID!) { character(id: $id) { ${FEATURES} } }`;
const COUNT = 'query { characters { totalCount } }';

describe('subclass and features through GraphQL', () => {
  it('builds a level 5 champion fighter: subclass, features in level order, critical range 19', async () => {
    const result = await server.client.request(CREATE_FEATURES, { input: dwarfFighter({ subclass: 'CHAMPION' }) }, 'alice');
    expect(result.errors).toBeUndefined();
    const character = result.data?.createCharacter.character;
    expect(character.subclass).toBe('CHAMPION');
    expect(character.criticalRange).toBe(19);
    // Hill dwarf: Darkvision 60 ft.
    expect(character.senses).toEqual([{ name: 'Darkvision', range: 60 }]);
    expect(character.auras).toEqual([]);
    const names = character.features.map((feature: { name: string; level: number }) => `${feature.level} ${feature.name}`);
    expect(names).toEqual([
      '1 Darkvision',
      '1 Dwarven Resilience',
      '1 Dwarven Combat Training',
      '1 Tool Proficiency',
      '1 Stonecunning',
      '1 Dwarven Toughness',
      '1 Fighting Style',
      '1 Second Wind',
      '2 Action Surge',
      '3 Martial Archetype',
      '3 Improved Critical',
      '4 Ability Score Improvement',
      '5 Extra Attack',
    ]);
    expect(character.features.find((feature: { name: string }) => feature.name === 'Improved Critical')).toEqual({
      name: 'Improved Critical',
      source: 'SUBCLASS',
      sourceName: 'Champion',
      level: 3,
      description: expect.stringMatching(/19 or 20/),
      value: '19-20',
    });
    expect(character.features.find((feature: { name: string }) => feature.name === 'Action Surge')).toMatchObject({
      source: 'CLASS',
      sourceName: 'Fighter',
      value: '1 use',
    });
  });

  it('refuses a subclass of another class, or below the class level for it, and writes nothing', async () => {
    const before = (await server.client.request(COUNT, {}, 'alice')).data?.characters.totalCount;
    const wrongClass = await server.client.request(CREATE_FEATURES, { input: dwarfFighter({ subclass: 'THIEF' }) }, 'alice');
    expect(wrongClass.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subclass', rule: 'SUBCLASS_NOT_OF_CLASS' });
    // A fighter picks a Martial Archetype at level 3: level 2 (300 XP) is too early.
    const tooEarly = await server.client.request(CREATE_FEATURES, { input: dwarfFighter({ subclass: 'CHAMPION', experience: 300 }) }, 'alice');
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subclass', rule: 'SUBCLASS_LEVEL' });
    expect((await server.client.request(COUNT, {}, 'alice')).data?.characters.totalCount).toBe(before);

    const created = await server.client.request(CREATE, { input: dwarfFighter() }, 'alice');
    const { id, version } = created.data?.createCharacter.character ?? {};
    const refused = await server.client.request(UPDATE, { input: { id, expectedVersion: version, subclass: 'LIFE' } }, 'alice');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'SUBCLASS_NOT_OF_CLASS' });
    const chosen = await server.client.request(UPDATE, { input: { id, expectedVersion: version, subclass: 'CHAMPION' } }, 'alice');
    expect(chosen.data?.updateCharacter.character).toMatchObject({ subclass: 'CHAMPION', version: version + 1 });
    const cleared = await server.client.request(UPDATE, { input: { id, expectedVersion: version + 1, subclass: null } }, 'alice');
    expect(cleared.data?.updateCharacter.character.subclass).toBeNull();
  });

  it('reads a free-text subclass stored before the enum as the SRD subclass it names, anything else as none', async () => {
    const created = await server.client.request(CREATE, { input: dwarfFighter({ name: 'Legacy' }) }, 'alice');
    const id = created.data?.createCharacter.character.id;
    const storeText = (subclass: string) => server.database.db.update(characters).set({ subclass }).where(eq(characters.id, id));

    await storeText('champion');
    const named = (await server.client.request(READ, { id }, 'bob')).data?.character;
    expect([named.subclass, named.criticalRange]).toEqual(['CHAMPION', 19]);
    // Another class's subclass, or homebrew: no subclass, so no subclass rules apply.
    for (const text of ['Path of the Berserker', 'Battle Master']) {
      await storeText(text);
      const other = (await server.client.request(READ, { id }, 'bob')).data?.character;
      expect([text, other.subclass, other.criticalRange]).toEqual([text, null, 20]);
    }
  });
});
