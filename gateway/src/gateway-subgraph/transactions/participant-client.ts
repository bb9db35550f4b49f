import { GraphQLError } from 'graphql';
import type { KeyObject } from 'node:crypto';
import { CAPABILITY_HEADER, payloadHash, signCapability, type CapabilityClaims } from '#lib/transactions/capability.js';
import { COORDINATOR } from '#lib/transactions/protocol-resolvers.js';
import type { SubgraphDataSource } from '../../data-source/subgraph-data-source.js';

export interface PrepareCall {
  transactionId: string;
  operation: string;
  payload: unknown;
  actor: string | null;
  deadline: Date;
}

/** The participant protocol as the coordinator sees it; tests substitute their own. */
export interface ParticipantClient {
  /** Resolves with what prepare found; rejects with the participant's error (its code kept) or SERVICE_UNAVAILABLE. */
  prepare(service: string, call: PrepareCall): Promise<unknown>;
  commit(service: string, transactionId: string): Promise<void>;
  abort(service: string, transactionId: string): Promise<void>;
}

const ACK = 'transactionId state result';
const PREPARE = `mutation Prepare($input: PrepareTransactionBranchInput!) { prepareTransactionBranch(input: $input) { ${ACK} } }`;
const COMMIT = `mutation Commit($id: ID!) { commitTransactionBranch(transactionId: $id) { ${ACK} } }`;
const ABORT = `mutation Abort($id: ID!) { abortTransactionBranch(transactionId: $id) { ${ACK} } }`;

interface Ack {
  transactionId: string;
  state: string;
  result: string | null;
}

/**
 * The protocol over the hub's own subgraph data sources (SubgraphDataSource.call): every protocol call takes the same
 * road as a planned fetch, so the hub's policies (timeouts, breakers, retries, tracing) apply to it too. Calls are
 * signed as the 'hub' service, the only caller participants accept for this protocol, and each carries the
 * coordinator's capability for its step (lib/transactions/capability.ts).
 */
export function dataSourceParticipants(dataSources: ReadonlyMap<string, SubgraphDataSource>, coordinatorKey: KeyObject): ParticipantClient {
  async function send(
    service: string,
    operationName: 'Prepare' | 'Commit' | 'Abort',
    query: string,
    variables: Record<string, unknown>,
    capability: Omit<CapabilityClaims, 'exp' | 'participant'>,
  ): Promise<Ack> {
    const dataSource = dataSources.get(service);
    if (!dataSource) throw new Error(`no data source for participant "${service}"`);
    // Every protocol call is idempotent (participants fence by transaction id): the hub may retry it like a query.
    // Named, so that traces, message tracking and the participant's logs tell the protocol's calls apart.
    // With the coordinator's capability for exactly this step: the participant does nothing without it.
    const headers = { [CAPABILITY_HEADER]: signCapability(coordinatorKey, { ...capability, participant: service }) };
    const response = await dataSource.call({ query, variables, operationName }, { userId: null, service: COORDINATOR }, headers, { idempotent: true });
    const error = response.errors?.[0];
    if (error) {
      throw new GraphQLError(error.message, {
        extensions: { ...error.extensions, code: error.extensions?.code ?? 'SERVICE_UNAVAILABLE', serviceName: service },
      });
    }
    const ack = Object.values(response.data ?? {})[0] as Ack | undefined;
    if (!ack)
      throw new GraphQLError(`The ${service} service answered the transaction protocol without data`, {
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: service },
      });
    return ack;
  }
  return {
    async prepare(service, call) {
      const input = { ...call, payload: JSON.stringify(call.payload), deadline: call.deadline.toISOString() };
      const capability = {
        tx: call.transactionId,
        step: 'prepare' as const,
        op: call.operation,
        ph: payloadHash(input.payload),
        actor: call.actor,
        deadline: input.deadline,
      };
      const ack = await send(service, 'Prepare', PREPARE, { input }, capability);
      return ack.result === null ? null : (JSON.parse(ack.result) as unknown);
    },
    async commit(service, transactionId) {
      await send(service, 'Commit', COMMIT, { id: transactionId }, { tx: transactionId, step: 'commit' });
    },
    async abort(service, transactionId) {
      await send(service, 'Abort', ABORT, { id: transactionId }, { tx: transactionId, step: 'abort' });
    },
  };
}
