/**
 * Introspection closed (hub.yaml message_hub.introspection: off, or auto in production): players and anonymous
 * callers are refused __schema and __type, operators are not, and validation stops suggesting field names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_ROLE, signUserToken } from '#lib/auth/index.js';
import { introspectionOpen } from '#lib/config/demand-control-config.js';
import { TEST_SECRET } from '../../../tests/helpers/subgraph-client.js';
import { startCountedFixture, type CountedFixture } from '../testing/counted-fixture.js';

let closed: CountedFixture;
beforeAll(async () => {
  closed = await startCountedFixture({ hubConfig: 'message_hub:\n  introspection: "off"\n' });
});
afterAll(() => closed?.close());

const bearer = async (user: string, roles: string[] = []) => ({ authorization: `Bearer ${await signUserToken(user, TEST_SECRET, '1h', roles)}` });

describe('introspection modes', () => {
  it('auto is open outside production and closed in it; on and off are what they say', () => {
    expect(introspectionOpen('auto', { NODE_ENV: 'development' })).toBe(true);
    expect(introspectionOpen('auto', {})).toBe(true);
    expect(introspectionOpen('auto', { NODE_ENV: 'production' })).toBe(false);
    expect(introspectionOpen('on', { NODE_ENV: 'production' })).toBe(true);
    expect(introspectionOpen('off', {})).toBe(false);
  });
});

describe('introspection closed', () => {
  const queries = [
    '{ __schema { queryType { name } } }',
    '{ __type(name: "Spell") { fields { name } } }',
    '{ spells { id } ...F } fragment F on Query { __schema { types { name } } }',
    '{ alias: __type(name: "Query") { name } }',
  ];

  it.each(queries)('refuses %s to a player and to an anonymous caller: FORBIDDEN, HTTP 403, no fetch', async (query) => {
    for (const headers of [await bearer('player-1'), {}]) {
      const { result, fetches } = await closed.fetchesDuring(() => closed.graphql(query, undefined, headers));
      expect(result.status).toBe(403);
      expect(result.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN', reason: 'INTROSPECTION_DISABLED' } })] });
      expect(fetches).toBe(0);
    }
  });

  it('answers an operator', async () => {
    const result = await closed.graphql('{ __schema { queryType { name } } }', undefined, await bearer('ops', [OPERATOR_ROLE]));
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('keeps __typename for everyone', async () => {
    const result = await closed.graphql('{ __typename spells { __typename id } }', undefined, await bearer('player-1'));
    expect(result.body.data?.__typename).toBe('Query');
  });

  it('no longer suggests field names in validation errors', async () => {
    const result = await closed.graphql('{ spells { nme } }');
    expect(result.body.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Spell".');
    expect(JSON.stringify(result.body)).not.toContain('Did you mean');
  });
});

describe('introspection open (the default outside production)', () => {
  let open: CountedFixture;
  beforeAll(async () => {
    open = await startCountedFixture();
  });
  afterAll(() => open?.close());

  it('answers anyone and suggests field names', async () => {
    expect((await open.graphql('{ __schema { queryType { name } } }')).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await open.graphql('{ spells { nme } }')).body.errors?.[0]?.message).toMatch(/Did you mean "name"/);
  });
});
