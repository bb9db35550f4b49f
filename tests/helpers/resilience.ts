import type { GraphQLResult } from './subgraph-client.js';
import { OPERATOR_ROLE, signUserToken } from '#lib/auth/jwt.js';
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

/** One service as Query.hub reports it. */
export interface HubService {
  name: string;
  available: boolean;
  instances: HubInstance[];
  queue: { depth: number; max: number; active: number; maxConcurrent: number; rejected: number };
}

/** Query.hub's services, as an operator (a token with the operator role) reads them through the gateway. */
export async function hubStatus(platform: TestPlatform): Promise<HubService[]> {
  const token = await signUserToken('operator-1', E2E_SECRET, undefined, [OPERATOR_ROLE]);
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: HUB_STATUS }),
  });
  const result = (await response.json()) as GraphQLResult<{ hub: { services: HubService[] } }>;
  if (result.errors || !result.data) throw new Error(`Query.hub failed: ${JSON.stringify(result.errors)}`);
  return result.data.hub.services;
}

/** One service of Query.hub by name; fails the test when the hub does not list it. */
export async function hubService(platform: TestPlatform, name: string): Promise<HubService> {
  const service = (await hubStatus(platform)).find((candidate) => candidate.name === name);
  if (!service) throw new Error(`Query.hub lists no service "${name}"`);
  return service;
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
