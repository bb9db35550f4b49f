/**
 * A graphql-ws connection's own x-request-id (connectionParams, as the frontend SDK sends one per connection) names
 * its operations as the header does over HTTP: it reaches the owning subgraph with each subscription; an unusable one
 * is replaced by a fresh UUID, as over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { connectOverWs } from '../../tests/helpers/subscriptions.js';
import type { FaultProxy } from './testing/fault-proxy.js';
import type { GatewayFixture } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CASTS = 'subscription Casts { spellCast { caster } }';

let fixture: GatewayFixture;
let proxy: FaultProxy;
beforeAll(async () => {
  // grimoire owns Subscription.spellCast: its upstream subscribe requests pass the proxy, which records their headers.
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('grimoire'));
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
});

async function upstreamRequestIdFor(requestId: unknown): Promise<string | undefined> {
  const before = proxy.requests.length;
  const socket = connectOverWs(`${fixture.origin.replace('http:', 'ws:')}/graphql`, {
    authorization: `Bearer ${await signUserToken('wizard-1', TEST_SECRET)}`,
    'x-request-id': requestId,
  });
  try {
    socket.subscribe({ query: CASTS });
    await expect.poll(() => proxy.requests.length).toBeGreaterThan(before);
    return proxy.requests.at(-1)?.requestId;
  } finally {
    await socket.dispose();
  }
}

describe("a graphql-ws connection's request id", () => {
  it('is the one its connectionParams carry', async () => {
    expect(await upstreamRequestIdFor('sdk-connection-7')).toBe('sdk-connection-7');
  });

  it('is a fresh UUID when the given one is unusable (too long, not text)', async () => {
    expect(await upstreamRequestIdFor('x'.repeat(201))).toMatch(UUID);
    expect(await upstreamRequestIdFor(42)).toMatch(UUID);
  });
});
