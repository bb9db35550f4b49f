/**
 * The operation limits (use-max-tokens, use-max-depth, use-max-aliases, use-max-root-fields) through the real
 * gateway over the spell subgraphs: each refusal is BAD_USER_INPUT naming its limit, max and actual, HTTP 400 whatever
 * the client accepts, and reaches no subgraph; an operation within every limit runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountedFixture, type CountedFixture } from '../testing/counted-fixture.js';

let fixture: CountedFixture;
const LIMITS = { max_depth: 4, max_aliases: 3, max_root_fields: 3, max_tokens: 1000 };

beforeAll(async () => {
  fixture = await startCountedFixture({ hubConfig: `message_hub:\n  limits: ${JSON.stringify(LIMITS)}\n` });
});
afterAll(() => fixture?.close());

async function expectLimit(query: string, limit: string, max: number, actual: number, accept = 'application/json'): Promise<void> {
  const { result, fetches } = await fixture.fetchesDuring(() => fixture.graphql(query, undefined, { accept }));
  expect(result.status).toBe(400);
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit, max, actual });
  expect(result.body.errors?.[0]?.message).toContain(`limit is ${max}`);
  expect(result.body.data).toBeUndefined();
  expect(fetches, 'a refused operation reaches no subgraph').toBe(0);
}

describe('operation limits', () => {
  it('let an operation within every limit through', async () => {
    const result = await fixture.graphql('{ a: whoami b: bookWhoami spells { id name pages } }');
    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({ a: 'anonymous', b: 'anonymous' });
  });

  it('refuse an operation over max_tokens, where parsing stopped', async () => {
    await expectLimit(`{ spells { ${'id '.repeat(1100)} } }`, 'max_tokens', 1000, 1001);
    await expectLimit(`{ spells { ${'id '.repeat(1100)} } }`, 'max_tokens', 1000, 1001, 'application/graphql-response+json');
  });

  it('refuse an operation over max_depth, through fragments and in introspection too', async () => {
    // Each level selects a field of its own so the document stays valid: __type's ofType chain.
    const ofType = (levels: number): string => (levels === 0 ? 'name' : `ofType { ${ofType(levels - 1)} }`);
    await expectLimit(`{ __type(name: "Spell") { fields { type { ${ofType(3)} } } } }`, 'max_depth', 4, 7);
    await expectLimit(`query { __type(name: "Spell") { ...F } } fragment F on __Type { fields { type { ${ofType(2)} } } }`, 'max_depth', 4, 6);
  });

  it('refuse an operation over max_aliases, counted through fragments, whatever the client accepts', async () => {
    await expectLimit('{ spells { a: id b: name ...F } } fragment F on Spell { c: id d: __typename }', 'max_aliases', 3, 4);
    await expectLimit('{ spells { a: id b: id c: id d: id } }', 'max_aliases', 3, 4, 'application/graphql-response+json');
  });

  it('refuse an operation over max_root_fields, aliased or not, through fragments', async () => {
    await expectLimit('{ whoami bookWhoami imageCount spells { id } }', 'max_root_fields', 3, 4);
    await expectLimit('{ whoami ... on Query { bookWhoami } ...F } fragment F on Query { imageCount spells { id } }', 'max_root_fields', 3, 4);
  });

  it('answer before validation, naming every limit exceeded: 300 aliases get two refusals, not 300 overlap errors', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: whoami`).join(' ');
    const started = performance.now();
    const { result, fetches } = await fixture.fetchesDuring(() => fixture.graphql(`{ ${aliases} }`));
    expect(result.status).toBe(400);
    expect(result.body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', limit: 'max_aliases', max: 3, actual: 300 },
      { code: 'BAD_USER_INPUT', limit: 'max_root_fields', max: 3, actual: 300 },
    ]);
    expect(fetches).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
