import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../../subgraphs/character/src/testing/character-test-server.js';
import { ABORT_BRANCH, capabilityHeader, COMMIT_BRANCH, COORDINATOR, PREPARE_BRANCH, prepareCapability } from '../../tests/helpers/branch-protocol.js';
import { createGateway } from '../../gateway/src/create-gateway.js';
import type { Identity } from '../auth/identity.js';
import { signedFor } from '../auth/testing/signed-headers.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
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

/** The coordinator's capability for the call `query` makes with `variables`, as the gateway signs it. */
function capabilityOf(query: string, variables: Record<string, unknown>): Record<string, string> {
  if (query === PREPARE_BRANCH) return prepareCapability('character', variables.input as Parameters<typeof prepareCapability>[1]);
  return capabilityHeader('character', { tx: String(variables.id), step: query === COMMIT_BRANCH ? 'commit' : 'abort' });
}

async function codeOf(query: string, variables: Record<string, unknown>, caller: Identity, headers: Record<string, string> = capabilityOf(query, variables)) {
  const result = await server.client.request(query, variables, caller, headers);
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}

describe('the participant protocol resolvers', () => {
  it('refuse (FORBIDDEN) every caller that is not the hub: users, other services, anonymous requests', async () => {
    const callers: Identity[] = [{ userId: 'alice' }, { userId: null }, { userId: null, service: 'campaign' }, { userId: 'hub' }];
    for (const headers of callers) {
      const input = prepareInput();
      expect(await codeOf(PREPARE_BRANCH, { input }, headers)).toBe('FORBIDDEN');
      expect(await codeOf(COMMIT_BRANCH, { id: input.transactionId }, headers)).toBe('FORBIDDEN');
      expect(await codeOf(ABORT_BRANCH, { id: input.transactionId }, headers)).toBe('FORBIDDEN');
    }
    // A header claiming to be the hub without the gateway's signature is no identity at all.
    const id = randomUUID();
    const forged = signedFor('not-the-secret-0123456789abcdef0123456789', 'character', COORDINATOR, {
      body: JSON.stringify({ query: ABORT_BRANCH, variables: { id } }),
    });
    expect(await codeOf(ABORT_BRANCH, { id }, COORDINATOR, forged)).toBe('UNAUTHENTICATED');
    // Refused before anything was written: not even an abort's fence.
    expect(await server.database.db.select().from(txBranches)).toEqual([]);
  });

  it("refuse the hub's call without the coordinator's capability for exactly it: edited, re-targeted, missing", async () => {
    const input = prepareInput();
    const edited = { ...input, payload: JSON.stringify({ characterId, imageId: randomUUID() }) };
    const other = prepareInput();
    for (const headers of [
      {},
      prepareCapability('character', other),
      prepareCapability('campaign', input),
      prepareCapability('character', input, 'another-secret-0123456789abcdef0123456789'),
    ]) {
      expect(await codeOf(PREPARE_BRANCH, { input }, COORDINATOR, headers)).toBe('FORBIDDEN');
    }
    // The capability of one payload does not carry another: the forged branch of issue 14 (+99,999 XP).
    expect(await codeOf(PREPARE_BRANCH, { input: edited }, COORDINATOR, prepareCapability('character', input))).toBe('FORBIDDEN');
    // A prepare's capability is no commit's, nor one transaction's another's.
    expect(await codeOf(COMMIT_BRANCH, { id: input.transactionId }, COORDINATOR, prepareCapability('character', input))).toBe('FORBIDDEN');
    expect(
      await codeOf(ABORT_BRANCH, { id: input.transactionId }, COORDINATOR, capabilityHeader('character', { tx: other.transactionId, step: 'abort' })),
    ).toBe('FORBIDDEN');
    expect(await server.database.db.select().from(txBranches)).toEqual([]);
  });

  it('answer the hub, and hold its calls to the protocol: UUID ids, JSON payloads, known operations, ISO deadlines', async () => {
    const hub = COORDINATOR;
    const input = prepareInput();
    const prepared = await server.client.request(PREPARE_BRANCH, { input }, hub, capabilityOf(PREPARE_BRANCH, { input }));
    expect(prepared.data?.prepareTransactionBranch).toEqual({ transactionId: input.transactionId, state: 'PREPARED', result: null });
    const committed = await server.client.request(COMMIT_BRANCH, { id: input.transactionId }, hub, capabilityOf(COMMIT_BRANCH, { id: input.transactionId }));
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
