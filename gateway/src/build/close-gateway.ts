import type { ApolloGateway } from '@apollo/gateway';
import type { HttpDrain } from '#lib/shutdown/http-drain.js';
import type { SubscriptionsPlugin } from '../plugins/use-subscriptions.js';
import type { GraphqlWsServer } from '../subscriptions/ws-server.js';
import type { GatewaySubgraph } from './build-gateway-subgraph.js';
import type { Services } from './build-services.js';

export interface Closable {
  drain: HttpDrain;
  graphqlWs: GraphqlWsServer;
  subscriptions: SubscriptionsPlugin;
  gateway: ApolloGateway;
  hub: GatewaySubgraph | undefined;
  services: Services;
}

/**
 * Stops accepting first (idle connections closed, answers in flight marked Connection: close), then ends the open
 * subscriptions, whose streams would otherwise hold the drain until the grace ran out; pools close last.
 */
export async function closeGateway({ drain, graphqlWs, subscriptions, gateway, hub, services }: Closable, graceMs: number): Promise<void> {
  drain.begin();
  await graphqlWs.close();
  await subscriptions.close();
  const { cut } = await drain.finished(graceMs);
  if (cut > 0) console.error(`gateway: ${cut} request(s) still running after ${graceMs} ms were cut`);
  services.registry.stop();
  services.observability.close();
  await gateway.stop();
  await hub?.close();
  await services.agent.close();
  await services.identities.close();
}
