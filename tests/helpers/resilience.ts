import type { GraphQLResult } from './subgraph-client.js';
import { OPERATOR_ROLE, signUserToken } from '../../lib/auth/jwt.js';
import { E2E_SECRET, type TestPlatform } from './platform.js';

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

/** Query.hub's services, as an operator (a token with the operator role) reads them through the gateway. */
export async function hubStatus(platform: TestPlatform): Promise<any[]> {
  const token = await signUserToken('operator-1', E2E_SECRET, undefined, [OPERATOR_ROLE]);
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: HUB_STATUS }),
  });
  const result = (await response.json()) as GraphQLResult<any>;
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
