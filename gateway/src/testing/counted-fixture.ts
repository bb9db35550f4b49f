import { startGatewayFixture, type GatewayFixture, type GatewayFixtureOptions } from './gateway-fixture.js';

export interface CountedFixture extends GatewayFixture {
  /** HTTP requests the subgraphs have received so far (health polls included: compare before and after). */
  subgraphRequests(): number;
  /** Runs `fn` and answers how many GraphQL requests reached a subgraph meanwhile (health polls left out). */
  fetchesDuring<T>(fn: () => Promise<T>): Promise<{ result: T; fetches: number }>;
}

/** The in-process gateway over the spell subgraphs, counting what reaches them: a refusal must reach none. */
export async function startCountedFixture(options: GatewayFixtureOptions = {}): Promise<CountedFixture> {
  const fixture = await startGatewayFixture(options);
  let requests = 0;
  let graphql = 0;
  for (const subgraph of Object.values(fixture.subgraphs)) {
    subgraph.server.on('request', (req: { url?: string }) => {
      requests++;
      if (req.url?.startsWith('/graphql')) graphql++;
    });
  }
  return Object.assign(fixture, {
    subgraphRequests: () => requests,
    async fetchesDuring<T>(fn: () => Promise<T>) {
      const before = graphql;
      const result = await fn();
      return { result, fetches: graphql - before };
    },
  });
}
