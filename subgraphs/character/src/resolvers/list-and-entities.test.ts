import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResult } from '../../../../tests/helpers/subgraph-client.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
const ids: string[] = [];
const wizardScores = { strength: 8, dexterity: 14, constitution: 13, intelligence: 15, wisdom: 12, charisma: 10 };

beforeAll(async () => {
  server = await startCharacterTestServer();
  // Sequential, so creation order is the list order. Alice: 4 fighters at levels 1..4; bob: 3 wizards at level 3.
  for (const experience of [0, 300, 900, 2700]) {
    const r = await server.client.request(CREATE, { input: dwarfFighter({ name: `Fighter ${experience}`, experience }) }, 'alice');
    ids.push(r.data?.createCharacter.character.id);
  }
  for (const n of [1, 2, 3]) {
    const r = await server.client.request(
      CREATE,
      {
        input: { name: `Wizard ${n}`, race: 'HIGH_ELF', class: 'WIZARD', experience: 900 + n, abilityScores: wizardScores },
      },
      'bob',
    );
    ids.push(r.data?.createCharacter.character.id);
  }
});
afterAll(() => server.close());

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

const LIST = `query($first: Int, $after: String, $filter: CharacterFilter) {
  characters(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name level class owner } }
  }
}`;

describe('characters connection', () => {
  it('walks every character in creation order, page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: GraphQLResult = await server.client.request(LIST, { first: 3, after }, 'carol');
      expect(result.errors).toBeUndefined();
      const connection: Connection = result.data?.characters;
      expect(connection.totalCount).toBe(7);
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it('filters by owner, class and level (level via the experience range)', async () => {
    const names = async (filter: Record<string, unknown>) => {
      const result = await server.client.request(LIST, { filter }, 'carol');
      expect(result.errors).toBeUndefined();
      return { total: result.data?.characters.totalCount, names: result.data?.characters.edges.map((e: { node: { name: string } }) => e.node.name) };
    };
    expect(await names({ owner: 'bob' })).toEqual({ total: 3, names: ['Wizard 1', 'Wizard 2', 'Wizard 3'] });
    expect(await names({ class: 'FIGHTER' })).toEqual({ total: 4, names: ['Fighter 0', 'Fighter 300', 'Fighter 900', 'Fighter 2700'] });
    expect(await names({ level: 3 })).toEqual({ total: 4, names: ['Fighter 900', 'Wizard 1', 'Wizard 2', 'Wizard 3'] });
    expect(await names({ level: 3, class: 'FIGHTER', owner: 'alice' })).toEqual({ total: 1, names: ['Fighter 900'] });
    expect(await names({ level: 20 })).toEqual({ total: 0, names: [] });
  });

  it('rejects a bad page size, a forged cursor and an impossible level', async () => {
    for (const variables of [{ first: 0 }, { first: 101 }, { after: 'bm90LWEtY3Vyc29y' }, { filter: { level: 21 } }]) {
      const result = await server.client.request(LIST, variables, 'carol');
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('_entities (federation references)', () => {
  const ENTITIES = `query($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Character { id name level armorClass } }
  }`;

  it('resolves 50 references with one SQL statement, null for unknown ids', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const representations = Array.from({ length: 50 }, (_, i) => ({ __typename: 'Character', id: i === 49 ? unknown : ids[i % ids.length] }));
    const before = server.database.stats.statements;
    const result = await server.client.request(ENTITIES, { representations }, 'carol');
    const statements = server.database.stats.statements - before;
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(50);
    expect(result.data?._entities[0]).toEqual({ id: ids[0], name: 'Fighter 0', level: 1, armorClass: 18 });
    expect(result.data?._entities[49]).toBeNull();
    expect(statements).toBe(1);
  });

  it('needs a signed-in user', async () => {
    const result = await server.client.request(ENTITIES, { representations: [{ __typename: 'Character', id: ids[0] }] }, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
