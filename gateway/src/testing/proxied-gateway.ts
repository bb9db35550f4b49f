import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startGatewayFixture, type GatewayFixture, type GatewayFixtureOptions } from './gateway-fixture.js';

/**
 * The gateway fixture (spell subgraphs, no image) with one subgraph reached through a fault proxy, the set-up of
 * every test of the hub's policies: the test sets `proxy.mode` to slow down, fail or cut that subgraph's fetches.
 */
export async function startGatewayBehindFaultProxy(
  subgraph: string,
  options: Omit<GatewayFixtureOptions, 'route' | 'withImage'> = {},
): Promise<{ fixture: GatewayFixture; proxy: FaultProxy }> {
  let proxy: FaultProxy | undefined;
  const fixture = await startGatewayFixture({
    ...options,
    withImage: false,
    route: async (name, url) => {
      if (name !== subgraph) return url;
      proxy = await startFaultProxy(url);
      return proxy.url;
    },
  });
  if (!proxy) throw new Error(`the fixture's supergraph has no subgraph "${subgraph}" to put behind the proxy`);
  return { fixture, proxy };
}
