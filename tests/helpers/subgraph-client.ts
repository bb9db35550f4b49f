import type { Identity } from '#lib/auth/identity.js';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import type { SubgraphServer } from '#lib/subgraph/create-subgraph-server.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface GraphQLResult<TData = Record<string, any>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export interface SubgraphClient {
  url: string;
  /** The service's name: the audience its requests are signed for. */
  service: string;
  /**
   * Runs an operation as `caller` (a user id; null: anonymous, still signed by "the gateway"; or a whole identity, the
   * coordinator's say), over real HTTP.
   */
  request<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: string | null | Identity,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<TData>>;
  /** A GET of `path` on the service (its /metrics, an image's bytes) as `caller`, signed as the gateway signs it. */
  get(path: string, caller?: string | null, init?: { method?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** Listens on a free port and talks to the subgraph as the gateway would, with a signed identity. */
export async function startSubgraphForTest(server: SubgraphServer, secret = TEST_SECRET): Promise<SubgraphClient> {
  const port = await server.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    service: server.name,
    async request(query, variables, caller = 'user-1', headers = {}) {
      const body = JSON.stringify({ query, variables });
      const identity = caller === null || typeof caller === 'string' ? { userId: caller } : caller;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedFor(secret, server.name, identity, { body }), ...headers },
        body,
      });
      const answer = (await response.json()) as GraphQLResult<any>;
      return { ...answer, status: response.status };
    },
    get(path, caller = 'user-1', init = {}) {
      const method = init.method ?? 'GET';
      return fetch(new URL(path, url), { method, headers: { ...signedFor(secret, server.name, { userId: caller }, { method, path }), ...init.headers } });
    },
    close: () => server.close(),
  };
}
