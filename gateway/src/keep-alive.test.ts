import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

let fixture: GatewayFixture;
beforeAll(async () => {
  // Health polls share the pool: one a minute keeps them out of this test's count of connections.
  fixture = await startGatewayFixture({ hubConfig: 'message_hub:\n  health_check: { interval: 1m }\n' });
});
afterAll(() => fixture?.close());

it('reuses one connection to a subgraph for sequential queries', async () => {
  let connections = 0;
  let requests = 0;
  const spellbook = fixture.subgraphs.spellbook?.server;
  spellbook?.on('connection', () => connections++);
  spellbook?.on('request', (request: { method?: string }) => request.method === 'POST' && requests++);
  for (let i = 0; i < 20; i++) {
    const result = await fixture.graphql('{ spells { name pages } }');
    expect(result.body.errors).toBeUndefined();
  }
  expect(requests).toBe(20);
  expect(connections).toBe(1);
});
