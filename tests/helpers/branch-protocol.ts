import { randomUUID } from 'node:crypto';
import type { Identity } from '#lib/auth/identity.js';
import { hubSecretOf } from '#lib/auth/service-keys.js';
import { CAPABILITY_HEADER, coordinatorKeys, payloadHash, signCapability, type CapabilityClaims } from '#lib/transactions/capability.js';
import { TEST_SECRET } from './subgraph-client.js';
import type { SubgraphClient } from './subgraph-client.js';

const ACK = 'transactionId state result';
export const PREPARE_BRANCH = `mutation($input: PrepareTransactionBranchInput!) { prepareTransactionBranch(input: $input) { ${ACK} } }`;
export const COMMIT_BRANCH = `mutation($id: ID!) { commitTransactionBranch(transactionId: $id) { ${ACK} } }`;
export const ABORT_BRANCH = `mutation($id: ID!) { abortTransactionBranch(transactionId: $id) { ${ACK} } }`;

/** The identity that makes a test call look like the hub's coordinator (service 'hub'). */
export const COORDINATOR: Identity = { userId: null, service: 'hub' };

/** The coordinator's capability header for one step, signed with the key derived from `secret`, as the gateway's. */
export function capabilityHeader(participant: string, claims: Omit<CapabilityClaims, 'exp' | 'participant'>, secret = TEST_SECRET): Record<string, string> {
  return { [CAPABILITY_HEADER]: signCapability(coordinatorKeys(hubSecretOf(secret)).privateKey, { ...claims, participant }) };
}

/** The capability of a prepare of `input`, as the coordinator signs it. */
export function prepareCapability(
  participant: string,
  input: { transactionId: string; operation: string; payload: string; actor?: string | null; deadline: string },
  secret = TEST_SECRET,
) {
  return capabilityHeader(
    participant,
    { tx: input.transactionId, step: 'prepare', op: input.operation, ph: payloadHash(input.payload), actor: input.actor ?? null, deadline: input.deadline },
    secret,
  );
}

export interface BranchCall {
  operation: string;
  payload: unknown;
  actor: string | null;
  transactionId?: string;
  /** Default: a minute from now. */
  deadline?: Date;
}

export interface ProtocolOutcome {
  transactionId: string;
  /** The prepare's result (parsed JSON) when it succeeded. */
  prepared?: unknown;
  /** The first error's code when prepare (or commit) failed. */
  errorCode?: string;
  errorMessage?: string;
  /** The first error's extensions (the participant's details, e.g. which campaign holds a character). */
  errorExtensions?: Record<string, unknown>;
}

/** Calls prepare over real HTTP as the hub; answers the ack or the error's code. */
export async function prepare(client: SubgraphClient, call: BranchCall, secret = TEST_SECRET): Promise<ProtocolOutcome> {
  const transactionId = call.transactionId ?? randomUUID();
  const deadline = (call.deadline ?? new Date(Date.now() + 60_000)).toISOString();
  const input = { transactionId, operation: call.operation, payload: JSON.stringify(call.payload), actor: call.actor, deadline };
  const result = await client.request<{ prepareTransactionBranch: { result: string | null } }>(
    PREPARE_BRANCH,
    { input },
    COORDINATOR,
    prepareCapability(client.service, input, secret),
  );
  const error = result.errors?.[0];
  if (error) return { transactionId, errorCode: error.extensions?.code, errorMessage: error.message, errorExtensions: error.extensions };
  const text = result.data?.prepareTransactionBranch.result ?? null;
  return { transactionId, prepared: text === null ? null : JSON.parse(text) };
}

/** commit or abort over real HTTP as the hub; answers the branch state or the error's code. */
export async function decide(
  client: SubgraphClient,
  transactionId: string,
  decision: 'commit' | 'abort',
  secret = TEST_SECRET,
): Promise<{ state?: string; errorCode?: string }> {
  const query = decision === 'commit' ? COMMIT_BRANCH : ABORT_BRANCH;
  const result = await client.request<Record<string, { state: string }>>(
    query,
    { id: transactionId },
    COORDINATOR,
    capabilityHeader(client.service, { tx: transactionId, step: decision }, secret),
  );
  const error = result.errors?.[0];
  if (error) return { errorCode: error.extensions?.code };
  return { state: Object.values(result.data ?? {})[0]?.state };
}

/** prepare then commit: one whole branch, as the hub runs it for a workflow whose other branches all prepared. */
export async function runBranch(client: SubgraphClient, call: BranchCall, secret = TEST_SECRET): Promise<ProtocolOutcome> {
  const outcome = await prepare(client, call, secret);
  if (outcome.errorCode) return outcome;
  const committed = await decide(client, outcome.transactionId, 'commit', secret);
  return committed.errorCode ? { ...outcome, errorCode: committed.errorCode } : outcome;
}
