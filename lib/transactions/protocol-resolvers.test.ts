import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../../subgraphs/character/src/testing/character-test-server.js';
import { ABORT_BRANCH, asCoordinator, COMMIT_BRANCH, PREPARE_BRANCH } from '../../tests/helpers/branch-protocol.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { createGateway } from '../../gateway/src/create-gateway.js';
import { IDENTITY_HEADER, signIdentity } from '../auth/identity.js';
import { repoRoot } from '../config/paths.js';
import { txBranches } from './schema.js';

// The protocol as any participating subgraph serves it: the character service over real HTTP.
let server: CharacterTestServer;
let characterId: string;
beforeAll(async () => {
  server = await startCharacterTestServer();
  characterId = (await server.client.request(CREATE, { input: dwarfFighter() }, 'alice')).data?.createCharacter.character.id;
});
afterAll(() => server.close());

const signedAs = (identity: { userId: string | null; service?: string }) => ({ [IDENTITY_HEADER]: signIdentity(identity, TEST_SECRET) });

function prepareInput(overrides: Record<string, unknown> = {}) {
  return {
    transactionId: randomUUID(),
    operation: 'linkPortrait',
    payload: JSON.stringify({ characterId, imageId: randomUUID() }),
    actor: 'alice',
    deadline: new Date(Date.now() + 60_000).toISOString(),
    ...overrides,
  };
}

async function codeOf(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const result = await server.client.request(query, variables, null, headers);
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}

describe('the participant protocol resolvers', () => {
  it('refuse (FORBIDDEN) every caller that is not the hub: users, other services, anonymous requests', async () => {
    const callers = [signedAs({ userId: 'alice' }), signedAs({ userId: null }), signedAs({ userId: null, service: 'campaign' }), signedAs({ userId: 'hub' })];
    for (const headers of callers) {
      const input = prepareInput();
      expect(await codeOf(PREPARE_BRANCH, { input }, headers)).toBe('FORBIDDEN');
      expect(await codeOf(COMMIT_BRANCH, { id: input.transactionId }, headers)).toBe('FORBIDDEN');
      expect(await codeOf(ABORT_BRANCH, { id: input.transactionId }, headers)).toBe('FORBIDDEN');
    }
    // A header claiming to be the hub without the gateway's signature is no identity at all.
    const forged = { [IDENTITY_HEADER]: signIdentity({ userId: null, service: 'hub' }, 'not-the-secret-0123456789abcdef0123456789') };
    expect(await codeOf(ABORT_BRANCH, { id: randomUUID() }, forged)).toBe('UNAUTHENTICATED');
    // Refused before anything was written: not even an abort's fence.
    expect(await server.database.db.select().from(txBranches)).toEqual([]);
  });

  it('answer the hub, and hold its calls to the protocol: UUID ids, JSON payloads, known operations, ISO deadlines', async () => {
    const hub = asCoordinator();
    const input = prepareInput();
    const prepared = await server.client.request(PREPARE_BRANCH, { input }, null, hub);
    expect(prepared.data?.prepareTransactionBranch).toEqual({ transactionId: input.transactionId, state: 'PREPARED', result: null });
    const committed = await server.client.request(COMMIT_BRANCH, { id: input.transactionId }, null, hub);
    expect(committed.data?.commitTransactionBranch).toMatchObject({ state: 'COMMITTED' });

    expect(await codeOf(PREPARE_BRANCH, { input: prepareInput({ transactionId: 'tx-1' }) }, hub)).toBe('BAD_USER_INPUT');
    expect(await codeOf(PREPARE_BRANCH, { input: prepareInput({ payload: '{not json' }) }, hub)).toBe('BAD_USER_INPUT');
    expect(await codeOf(PREPARE_BRANCH, { input: prepareInput({ operation: 'dropTables' }) }, hub)).toBe('BAD_USER_INPUT');
    expect(await codeOf(PREPARE_BRANCH, { input: prepareInput({ deadline: 'soon' }) }, hub)).toBe('BAD_USER_INPUT');
    expect(await codeOf(ABORT_BRANCH, { id: 'tx-1' }, hub)).toBe('BAD_USER_INPUT');
  });

  it('are not in the API the gateway serves to clients (@inaccessible)', async () => {
    const hub = await createGateway({ supergraphPath: path.join(repoRoot, 'gateway', 'supergraph.graphql'), secret: TEST_SECRET, secretEmbedded: false });
    try {
      const fields = Object.keys(hub.gateway.schema?.getMutationType()?.getFields() ?? {});
      expect(fields).toContain('joinParty');
      for (const field of ['prepareTransactionBranch', 'commitTransactionBranch', 'abortTransactionBranch']) expect(fields).not.toContain(field);
    } finally {
      await hub.close();
    }
  });
});
