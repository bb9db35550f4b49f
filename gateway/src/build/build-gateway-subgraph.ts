import { coordinatorKeys } from '#lib/transactions/capability.js';
import type { GatewayConfig } from '../config.js';
import { createHubSubgraph, HUB_SUBGRAPH } from '../gateway-subgraph/hub-subgraph.js';
import { dataSourceParticipants } from '../gateway-subgraph/transactions/participant-client.js';
import { hubSecretOf } from '#lib/auth/index.js';
import type { Services } from './build-services.js';

// 30 s, hub.yaml's documented default: far above a healthy two-service transaction (milliseconds), short enough
// that a stuck one releases its reservations before a user gives up on it.
const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

export type GatewaySubgraph = Awaited<ReturnType<typeof createHubSubgraph>>;

/**
 * The hub's own subgraph, when the supergraph has one, served in-process; its coordinator calls the other subgraphs
 * through the very data sources query planning uses.
 */
export async function buildGatewaySubgraph(
  config: GatewayConfig,
  { subgraphs, dataSources, registry, observability }: Services,
): Promise<GatewaySubgraph | undefined> {
  if (!subgraphs.some((subgraph) => subgraph.name === HUB_SUBGRAPH)) return undefined;
  return createHubSubgraph({
    participants: dataSourceParticipants(dataSources, coordinatorKeys(hubSecretOf(config.secret)).privateKey),
    registry,
    transactionTimeoutMs: config.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
    observability: observability.hub,
    onTransactionFinished: (outcome) => observability.metrics?.transaction(outcome === 'COMMITTED' ? 'committed' : 'aborted'),
  });
}
