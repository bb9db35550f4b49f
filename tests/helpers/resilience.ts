import type { GraphQLResult } from './subgraph-client.js';
import type { TestPlatform } from './platform.js';

export const HUB_STATUS = `{ hub { services { name available
  instances { url healthy healthError outstanding requests failures latencyMs breaker { state failures transitions lastTransitionAt } }
  queue { depth max active maxConcurrent rejected } } } }`;

/** One instance as Query.hub reports it (the fields HUB_STATUS selects). */
export interface HubInstance {
  url: string;
  healthy: boolean;
  healthError: string | null;
  outstanding: number;
  requests: number;
  failures: number;
  latencyMs: number | null;
  breaker: { state: string; failures: number; transitions: number; lastTransitionAt: string | null };
}

/** Query.hub's services, as a signed-in user reads them through the gateway. */
export async function hubStatus(platform: TestPlatform): Promise<any[]> {
  const result = await platform.gql(HUB_STATUS);
  if (result.errors) throw new Error(`Query.hub failed: ${JSON.stringify(result.errors)}`);
  return result.data?.hub.services;
}

/** `clients` concurrent loops sending `query` through the gateway until stop(), which resolves with every answer. */
export function runLoad(platform: TestPlatform, query: string, clients: number) {
  const results: Array<GraphQLResult<any>> = [];
  let stopping = false;
  const loops = Array.from({ length: clients }, async () => {
    while (!stopping) results.push(await platform.gql(query));
  });
  return {
    results,
    async stop(): Promise<Array<GraphQLResult<any>>> {
      stopping = true;
      await Promise.all(loops);
      return results;
    },
  };
}
