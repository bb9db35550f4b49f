/**
 * Trusted documents through the real gateway over the spell subgraphs: ids resolved in every mode (Apollo's
 * persistedQuery extension, documentId, doc_id), and in `require` mode only registered documents run, except for
 * operators (operators_bypass) and the platform's own services.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyHash, DELEGATION_HEADER, GATEWAY, hubSecretOf, OPERATOR_ROLE, serviceKey, signRequest, signUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../../tests/helpers/subgraph-client.js';
import { documentId } from '../demand-control/trusted-manifest.js';
import { startCountedFixture, type CountedFixture } from '../testing/counted-fixture.js';
import { useTrustedDocuments } from './use-trusted-documents.js';

const SPELLS = 'query Spells { spells { id name } }';
const LEARN = 'mutation Learn($name: String!) { learnSpell(input: { name: $name, school: EVOCATION, level: 1 }) { id } }';
const idOf = (text: string) => documentId(parse(text));

const dir = mkdtempSync(path.join(tmpdir(), 'trusted-documents-'));
const manifest = path.join(dir, 'persisted-documents.json');
writeFileSync(manifest, JSON.stringify({ [`sha256:${idOf(SPELLS)}`]: SPELLS, [`sha256:${idOf(LEARN)}`]: LEARN }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (mode: 'off' | 'require', bypass = true) =>
  `message_hub:\n  trusted_documents: { mode: ${mode}, manifest: ${JSON.stringify(manifest)}, operators_bypass: ${bypass} }\n`;
const bearer = async (user: string, roles: string[] = []) => ({ authorization: `Bearer ${await signUserToken(user, TEST_SECRET, '1h', roles)}` });

async function post(fixture: CountedFixture, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${fixture.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
  };
}

describe('trusted documents off (the default): ids are resolved, any document runs', () => {
  let fixture: CountedFixture;
  beforeAll(async () => {
    fixture = await startCountedFixture({ hubConfig: config('off') });
  });
  afterAll(() => fixture?.close());

  it.each([
    ['Apollo persistedQuery', { extensions: { persistedQuery: { version: 1, sha256Hash: idOf(SPELLS) } } }],
    ['documentId with its sha256: prefix', { documentId: `sha256:${idOf(SPELLS)}` }],
    ['Relay doc_id', { doc_id: idOf(SPELLS) }],
  ])('runs a registered document sent by its id (%s)', async (_label, body) => {
    const result = await post(fixture, body);
    expect(result.status).toBe(200);
    expect(result.body.data?.spells.length).toBeGreaterThan(0);
  });

  it('refuses an unknown id with PERSISTED_QUERY_NOT_FOUND, HTTP 400, and a body with neither with BAD_USER_INPUT', async () => {
    const { result, fetches } = await fixture.fetchesDuring(() =>
      post(fixture, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    );
    expect(result).toEqual({
      status: 400,
      body: { errors: [{ message: 'No registered operation has this id.', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] },
    });
    expect(fetches).toBe(0);
    const empty = await post(fixture, {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs any other document', async () => {
    expect((await fixture.graphql('{ whoami }')).body.data).toEqual({ whoami: 'anonymous' });
  });
});

describe('trusted documents required', () => {
  let fixture: CountedFixture;
  beforeAll(async () => {
    fixture = await startCountedFixture({ hubConfig: config('require') });
  });
  afterAll(() => fixture?.close());

  it('runs a registered document by id, and by its text in any spelling', async () => {
    expect((await post(fixture, { documentId: idOf(SPELLS) }, await bearer('player-1'))).body.data?.spells).toBeDefined();
    const respelled = 'query Spells {\n  spells {\n    name\n    id\n  }\n}';
    const result = await fixture.graphql(respelled, undefined, await bearer('player-1'));
    expect(result.status).toBe(200);
    expect(result.body.data?.spells[0]).toEqual({ name: 'Fireball', id: 'spell-1' });
  });

  it('refuses any other document with PERSISTED_QUERY_ONLY, HTTP 400, and writes nothing', async () => {
    const spellsBefore = (await fixture.graphql(SPELLS)).body.data?.spells.length;
    for (const query of ['{ whoami }', 'mutation { learnSpell(input: { name: "Forbidden", school: EVOCATION, level: 9 }) { id } }']) {
      const { result, fetches } = await fixture.fetchesDuring(async () => fixture.graphql(query, undefined, await bearer('player-1')));
      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_ONLY' } })]);
      expect(fetches).toBe(0);
    }
    expect((await fixture.graphql(SPELLS)).body.data?.spells.length).toBe(spellsBefore);
  });

  it('lets an operator send any document', async () => {
    const result = await fixture.graphql('{ whoami }', undefined, await bearer('ops', [OPERATOR_ROLE]));
    expect(result.body.data).toEqual({ whoami: 'ops' });
  });

  it("lets the platform's own services send theirs (a verified service call)", async () => {
    const body = JSON.stringify({ query: '{ whoami }' });
    const delegation = signRequest(
      { userId: null, service: 'grimoire' },
      { audience: GATEWAY, method: 'POST', path: '/graphql', bodyHash: bodyHash(body) },
      serviceKey(hubSecretOf(TEST_SECRET), 'grimoire'),
      { issuer: 'grimoire' },
    ).header;
    const result = await fixture.graphql('{ whoami }', undefined, { [DELEGATION_HEADER]: delegation });
    expect(result.body).toEqual({ data: { whoami: 'anonymous' } });
  });
});

describe('trusted documents required, operators included', () => {
  let fixture: CountedFixture;
  beforeAll(async () => {
    fixture = await startCountedFixture({ hubConfig: config('require', false) });
  });
  afterAll(() => fixture?.close());

  it('refuses an operator too when operators_bypass is false', async () => {
    const result = await fixture.graphql('{ whoami }', undefined, await bearer('ops', [OPERATOR_ROLE]));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
  });
});

it('stops start-up in require mode when the manifest is missing, naming it (off mode only warns)', () => {
  const missing = path.join(dir, 'missing.json');
  expect(() => useTrustedDocuments({ config: { mode: 'require', manifest: missing, operators_bypass: true } })).toThrow(/missing\.json.*npm run codegen/);
  expect(() => useTrustedDocuments({ config: { mode: 'off', manifest: missing, operators_bypass: true } })).not.toThrow();
});
