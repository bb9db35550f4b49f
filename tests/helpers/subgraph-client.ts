import { IDENTITY_HEADER, signIdentity } from '../../lib/auth/identity.js';
import type { SubgraphServer } from '../../lib/subgraph/create-subgraph-server.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface GraphQLResult<TData = Record<string, any>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export interface SubgraphClient {
  url: string;
  /** Runs an operation as `userId` (null: anonymous, still signed by "the gateway"), over real HTTP. */
  request<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    userId?: string | null,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<TData>>;
  close(): Promise<void>;
}

/** Listens on a free port and talks to the subgraph as the gateway would, with a signed identity. */
export async function startSubgraphForTest(server: SubgraphServer, secret = TEST_SECRET): Promise<SubgraphClient> {
  const port = await server.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    async request(query, variables, userId = 'user-1', headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity({ userId }, secret),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResult<any>;
      return { ...body, status: response.status };
    },
    close: () => server.close(),
  };
}
