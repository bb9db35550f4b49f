import { GraphQLError } from 'graphql';
import { COORDINATOR } from '../../../../lib/transactions/protocol-resolvers.js';
import type { HubDataSource } from '../../data-source/hub-data-source.js';

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
 * The protocol over the hub's own subgraph data sources (HubDataSource.call): every protocol call takes the same
 * road as a planned fetch, so the hub's policies (timeouts, breakers, retries, tracing) apply to it too. Calls are
 * signed as the 'hub' service, the only caller participants accept for this protocol.
 */
export function dataSourceParticipants(dataSources: ReadonlyMap<string, HubDataSource>): ParticipantClient {
  async function send(service: string, operationName: 'Prepare' | 'Commit' | 'Abort', query: string, variables: Record<string, unknown>): Promise<Ack> {
    const dataSource = dataSources.get(service);
    if (!dataSource) throw new Error(`no data source for participant "${service}"`);
    // Every protocol call is idempotent (participants fence by transaction id): the hub may retry it like a query.
    // Named, so that traces, message tracking and the participant's logs tell the protocol's calls apart.
    const response = await dataSource.call({ query, variables, operationName }, { userId: null, service: COORDINATOR }, {}, { idempotent: true });
    const error = response.errors?.[0];
    if (error) {
      throw new GraphQLError(error.message, { extensions: { ...error.extensions, code: error.extensions?.code ?? 'SERVICE_UNAVAILABLE', serviceName: service } });
    }
    const ack = Object.values(response.data ?? {})[0] as Ack | undefined;
    if (!ack) throw new GraphQLError(`The ${service} service answered the transaction protocol without data`, { extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: service } });
    return ack;
  }
  return {
    async prepare(service, call) {
      const input = { ...call, payload: JSON.stringify(call.payload), deadline: call.deadline.toISOString() };
      const ack = await send(service, 'Prepare', PREPARE, { input });
      return ack.result === null ? null : (JSON.parse(ack.result) as unknown);
    },
    async commit(service, transactionId) {
      await send(service, 'Commit', COMMIT, { id: transactionId });
    },
    async abort(service, transactionId) {
      await send(service, 'Abort', ABORT, { id: transactionId });
    },
  };
}
