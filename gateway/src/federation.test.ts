import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

let fixture: GatewayFixture;
let bearer: Record<string, string>;

beforeAll(async () => {
  fixture = await startGatewayFixture();
  bearer = { authorization: `Bearer ${await signUserToken('wizard-1', TEST_SECRET)}` };
});
afterAll(() => fixture?.close());

describe('gateway over any valid supergraph', () => {
  it('lists the subgraphs of the supergraph it was given, with the override URLs', () => {
    expect(fixture.hub.subgraphs.map((s) => s.name).sort()).toEqual(['grimoire', 'image', 'spellbook']);
    expect(fixture.hub.subgraphs.every((s) => !s.url.includes(':9/'))).toBe(true);
  });

  it('answers one query with fields from three subgraphs', async () => {
    const result = await fixture.graphql('{ spells { id name school pages note illustration } }');
    expect(result.status).toBe(200);
    expect(result.body.data?.spells[0]).toEqual({
      id: 'spell-1',
      name: 'Fireball',
      school: 'EVOCATION',
      pages: 70,
      note: 'notes on spell-1',
      illustration: '/images/spell-1.png',
    });
  });
});

describe('errors reaching the client', () => {
  it("passes a subgraph's FORBIDDEN through with its message and path", async () => {
    const result = await fixture.graphql('{ whoami sealed }');
    expect(result.body.data).toEqual({ whoami: 'anonymous', sealed: null });
    expect(result.body.errors).toEqual([
      expect.objectContaining({ message: 'Only the archmage may read this', path: ['sealed'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });

  it("keeps a subgraph's partial data and UNAUTHENTICATED error even though the subgraph answered HTTP 401", async () => {
    const result = await fixture.graphql('{ whoami mySpells { name } }');
    expect(result.body.data).toEqual({ whoami: 'anonymous', mySpells: null });
    expect(result.body.errors?.[0]).toMatchObject({ path: ['mySpells'], extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('places an entity fetch error (NOT_FOUND) at the path of the field in the client query', async () => {
    const result = await fixture.graphql('{ spells { name note } }');
    expect(result.body.data?.spells).toEqual([
      { name: 'Fireball', note: 'notes on spell-1' },
      { name: 'Shield', note: null },
    ]);
    expect(result.body.errors).toEqual([
      expect.objectContaining({ message: 'No note for this spell', path: ['spells', 1, 'note'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
  });

  it('passes BAD_USER_INPUT and CONFLICT from a mutation', async () => {
    const mutation = 'mutation($input: LearnSpellInput!) { learnSpell(input: $input) { id name } }';
    const empty = await fixture.graphql(mutation, { input: { name: ' ', school: 'EVOCATION', level: 3 } }, bearer);
    expect(empty.body.errors?.[0]).toMatchObject({ path: ['learnSpell'], extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
    const duplicate = await fixture.graphql(mutation, { input: { name: 'Fireball', school: 'EVOCATION', level: 3 } }, bearer);
    expect(duplicate.body.errors?.[0]).toMatchObject({ message: 'Fireball is already known', extensions: { code: 'CONFLICT' } });
  });

  it.each([
    ['an unknown enum value', { name: 'Blight', school: 'NECROMANCY', level: 4 }, /School/],
    ['a missing required input field', { name: 'Blight', school: 'EVOCATION' }, /level/],
    ['a value of the wrong scalar type', { name: 'Blight', school: 'EVOCATION', level: 'four' }, /Int/],
  ])('answers BAD_USER_INPUT for %s in variables, without calling a subgraph', async (_case, input, mentions) => {
    const result = await fixture.graphql('mutation($input: LearnSpellInput!) { learnSpell(input: $input) { id } }', { input }, bearer);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]?.message).toMatch(mentions);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers GRAPHQL_VALIDATION_FAILED for a field no subgraph has', async () => {
    const result = await fixture.graphql('{ spells { name manaCost } }');
    expect(result.body.errors?.[0]?.message).toContain('manaCost');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks an unexpected subgraph failure as INTERNAL_SERVER_ERROR without leaking its text', async () => {
    const result = await fixture.graphql('{ whoami broken }');
    expect(result.body.data).toEqual({ whoami: 'anonymous', broken: null });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(result.body)).not.toMatch(/hunter2|SELECT|stack/);
  });
});
