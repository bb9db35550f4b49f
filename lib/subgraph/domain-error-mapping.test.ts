import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '../auth/testing/signed-headers.js';
import { conflict, EventIdConflict, forbidden, invalidInput, notFound, StreamVersionConflict, unauthenticated, unavailable } from '../domain/domain-error.js';
import { badUserInput } from '../graphql/errors.js';
import { createSubgraphServer } from './create-subgraph-server.js';

const secret = 'domain-error-mapping-test-secret';
// Each field throws one domain error, as a service's command would; the kit alone turns it into GraphQL.
const refusals: Record<string, () => Error> = {
  invalid: () => invalidInput('level must be 1 to 20', { field: 'level', rule: 'LEVEL_RANGE' }),
  missing: () => notFound('no character with id c-1', { characterId: 'c-1' }),
  refused: () => forbidden('only the owner can change this character', { rule: 'OWNER_ONLY' }),
  held: () => conflict('c-1 is part of transaction t-1', { resource: 'character:c-1', transactionId: 't-1' }),
  stale: () => new StreamVersionConflict('character-c-1', 3, 5, 'character'),
  reused: () => new EventIdConflict('ids reused', 'character-c-1', ['e-1']),
  anonymous: () => unauthenticated(),
  upstream: () => unavailable('the llm answered without any plot hook', { generationId: 'g-1' }),
  legacy: () => badUserInput('a GraphQL error raised on purpose', { field: 'x' }),
};
const server = createSubgraphServer({
  name: 'ledger',
  typeDefs: parse(
    `type Query { ${Object.keys(refusals)
      .map((field) => `${field}: String`)
      .join(' ')} }`,
  ),
  resolvers: {
    Query: Object.fromEntries(
      Object.entries(refusals).map(([field, error]) => [
        field,
        () => {
          throw error();
        },
      ]),
    ),
  },
  secret,
  createContext: () => ({}),
});
let base: string;
beforeAll(async () => {
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(() => server.close());

async function errorOf(field: string) {
  const body = JSON.stringify({ query: `{ ${field} }` });
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedFor(secret, 'ledger', { userId: 'u-1' }, { method: 'POST', path: '/graphql', body }) },
    body,
  });
  const answer = (await response.json()) as { errors: Array<{ message: string; path?: string[]; extensions: Record<string, unknown> }> };
  return { status: response.status, error: answer.errors[0]! };
}

describe('domain errors at the subgraph edge', () => {
  it('maps each kind to its GraphQL code, with its details as extensions and its path', async () => {
    expect((await errorOf('invalid')).error).toEqual({
      message: 'level must be 1 to 20',
      path: ['invalid'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'BAD_USER_INPUT', field: 'level', rule: 'LEVEL_RANGE' },
    });
    expect((await errorOf('missing')).error.extensions).toEqual({ code: 'NOT_FOUND', characterId: 'c-1' });
    expect((await errorOf('refused')).error.extensions).toEqual({ code: 'FORBIDDEN', rule: 'OWNER_ONLY' });
    expect((await errorOf('held')).error.extensions).toEqual({ code: 'CONFLICT', resource: 'character:c-1', transactionId: 't-1' });
    expect((await errorOf('upstream')).error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', generationId: 'g-1' });
    expect((await errorOf('reused')).error.extensions).toEqual({ code: 'CONFLICT', streamId: 'character-c-1', eventIds: ['e-1'] });
  });

  it('a stale version names the version to reload, under both names clients read', async () => {
    const { error } = await errorOf('stale');
    expect(error.message).toBe('character changed since version 3; it is now at version 5: reload and retry');
    expect(error.extensions).toEqual({ code: 'CONFLICT', streamId: 'character-c-1', expectedVersion: 3, actualVersion: 5, currentVersion: 5 });
  });

  it('UNAUTHENTICATED answers 401, as before', async () => {
    const { status, error } = await errorOf('anonymous');
    expect(status).toBe(401);
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('GraphQL errors raised on purpose pass as they did, and nothing leaks a stack', async () => {
    expect((await errorOf('legacy')).error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'x' });
    for (const field of Object.keys(refusals)) expect(JSON.stringify((await errorOf(field)).error)).not.toMatch(/at .*\.ts:\d+/);
  });
});
