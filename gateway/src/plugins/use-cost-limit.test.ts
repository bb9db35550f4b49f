/**
 * The cost limit: the weights of list-cost.ts over a small schema of its own (lists, connections, mutations), and
 * the plugin through the real gateway over the spell subgraphs, where a refused operation reaches no subgraph.
 */
import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCostEstimator } from '../demand-control/list-cost.js';
import { startCountedFixture, type CountedFixture } from '../testing/counted-fixture.js';

const schema = buildSchema(`
  type Query { characters(first: Int, after: String): CharacterConnection! character(id: ID!): Character tags: [String!]! }
  type Mutation { createCharacter(name: String!): Character! }
  type CharacterConnection { edges: [CharacterEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type CharacterEdge { node: Character! cursor: String! }
  type PageInfo { hasNextPage: Boolean! }
  type Character { id: ID! name: String! party: [Character!]! generations(first: Int = 5): [Generation!]! }
  type Generation { id: ID! text: String! }
`);
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [listCostEstimator(schema, 20)] });

describe('list cost (Apollo demand-control weights)', () => {
  it('costs objects 1 and scalars 0', () => {
    expect(cost('{ character(id: "1") { id name } }')).toBe(1);
    expect(cost('{ tags }')).toBe(0);
  });

  it("multiplies a connection's page by its first, from the operation, a variable or the default list size", () => {
    // characters 1 + 10 x (edges: edge 1 + node 1, pageInfo 1)
    expect(cost('{ characters(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }')).toBe(1 + 10 * 3);
    expect(cost('query($n: Int) { characters(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(1 + 7 * 2);
    expect(cost('{ characters { edges { node { id } } } }')).toBe(1 + 20 * 2);
  });

  it("sizes other lists by their first (the schema's default included), else the default list size", () => {
    expect(cost('{ character(id: "1") { generations { text } } }')).toBe(1 + 5 * 1);
    expect(cost('{ character(id: "1") { generations(first: 50) { text } } }')).toBe(1 + 50 * 1);
    expect(cost('{ character(id: "1") { party { name } } }')).toBe(1 + 20 * 1);
  });

  it('weighs a mutation root field 10', () => {
    expect(cost('mutation { createCharacter(name: "Mirna") { id } }')).toBe(10 + 1);
  });

  it('multiplies nested lists: a nested first of 10,000 is a bomb', () => {
    const bomb = '{ characters(first: 10000) { edges { node { generations(first: 10000) { text } } } } }';
    // characters 1 + 10,000 x (edge 1 + node 1 + 10,000 generations x 1)
    expect(cost(bomb)).toBe(1 + 10_000 * (2 + 10_000));
  });

  it('leaves introspection to use-introspection: it costs nothing here', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});

describe('useCostLimit through the gateway', () => {
  let fixture: CountedFixture;
  beforeAll(async () => {
    // spells is an unsized list: 50 items of 1 (the Spell) each.
    fixture = await startCountedFixture({ hubConfig: 'message_hub:\n  limits: { max_cost: 60, default_list_size: 50 }\n' });
  });
  afterAll(() => fixture?.close());

  it('runs an operation within the cost', async () => {
    const result = await fixture.graphql('{ spells { id name } }');
    expect(result.status).toBe(200);
    expect(result.body.data?.spells).toHaveLength(2);
  });

  it('refuses one above it with BAD_USER_INPUT, limit max_cost, max and actual, HTTP 400, before any fetch', async () => {
    const { result, fetches } = await fixture.fetchesDuring(() => fixture.graphql('{ a: spells { id } b: spells { id } }'));
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', limit: 'max_cost', max: 60, actual: 100 } })]);
    expect(fetches).toBe(0);
  });

  it('counts mutations 10 a root field, with what they return', async () => {
    const { result, fetches } = await fixture.fetchesDuring(() =>
      fixture.graphql(
        'mutation { a: castSpell(spellId: "spell-1") { __typename } b: castSpell(spellId: "spell-1") { __typename } c: castSpell(spellId: "spell-1") { __typename } d: castSpell(spellId: "spell-1") { __typename } e: castSpell(spellId: "spell-1") { __typename } f: castSpell(spellId: "spell-1") { __typename } }',
      ),
    );
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'max_cost', max: 60, actual: 66 });
    expect(fetches).toBe(0);
  });
});
