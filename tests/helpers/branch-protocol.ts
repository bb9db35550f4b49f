import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity } from '../../lib/auth/identity.js';
import type { SubgraphClient } from './subgraph-client.js';
import { TEST_SECRET } from './subgraph-client.js';

const ACK = 'transactionId state result';
export const PREPARE_BRANCH = `mutation($input: PrepareTransactionBranchInput!) { prepareTransactionBranch(input: $input) { ${ACK} } }`;
export const COMMIT_BRANCH = `mutation($id: ID!) { commitTransactionBranch(transactionId: $id) { ${ACK} } }`;
export const ABORT_BRANCH = `mutation($id: ID!) { abortTransactionBranch(transactionId: $id) { ${ACK} } }`;

/** Headers that make a test call look like the hub's coordinator (service 'hub'), signed with the test secret. */
export function asCoordinator(secret = TEST_SECRET): Record<string, string> {
  return { [IDENTITY_HEADER]: signIdentity({ userId: null, service: 'hub' }, secret) };
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
export async function prepare(client: SubgraphClient, call: BranchCall): Promise<ProtocolOutcome> {
  const transactionId = call.transactionId ?? randomUUID();
  const deadline = (call.deadline ?? new Date(Date.now() + 60_000)).toISOString();
  const input = { transactionId, operation: call.operation, payload: JSON.stringify(call.payload), actor: call.actor, deadline };
  const result = await client.request<{ prepareTransactionBranch: { result: string | null } }>(PREPARE_BRANCH, { input }, null, asCoordinator());
  const error = result.errors?.[0];
  if (error) return { transactionId, errorCode: error.extensions?.code, errorMessage: error.message, errorExtensions: error.extensions };
  const text = result.data?.prepareTransactionBranch.result ?? null;
  return { transactionId, prepared: text === null ? null : JSON.parse(text) };
}

/** commit or abort over real HTTP as the hub; answers the branch state or the error's code. */
export async function decide(client: SubgraphClient, transactionId: string, decision: 'commit' | 'abort'): Promise<{ state?: string; errorCode?: string }> {
  const query = decision === 'commit' ? COMMIT_BRANCH : ABORT_BRANCH;
  const result = await client.request<Record<string, { state: string }>>(query, { id: transactionId }, null, asCoordinator());
  const error = result.errors?.[0];
  if (error) return { errorCode: error.extensions?.code };
  return { state: Object.values(result.data ?? {})[0]?.state };
}

/** prepare then commit: one whole branch, as the hub runs it for a workflow whose other branches all prepared. */
export async function runBranch(client: SubgraphClient, call: BranchCall): Promise<ProtocolOutcome> {
  const outcome = await prepare(client, call);
  if (outcome.errorCode) return outcome;
  const committed = await decide(client, outcome.transactionId, 'commit');
  return committed.errorCode ? { ...outcome, errorCode: committed.errorCode } : outcome;
}
