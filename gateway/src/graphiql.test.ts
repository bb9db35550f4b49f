import { afterEach, describe, expect, it } from 'vitest';
import { verifyUserToken } from '../../lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

let fixture: GatewayFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function graphiqlPage(origin: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
  return { status: response.status, html: await response.text() };
}

describe('GraphiQL at GET /graphql', () => {
  it("opens with the demo user's token and the four-subgraph example when the secret is the embedded one", async () => {
    fixture = await startGatewayFixture({ secretEmbedded: true });
    const { status, html } = await graphiqlPage(fixture.origin);
    expect(status).toBe(200);
    expect(html).toContain('query PartyOverview');
    const token = /Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(html)?.[1];
    expect(token, 'the page carries a Bearer token').toBeDefined();
    expect(await verifyUserToken(token ?? '', TEST_SECRET)).toEqual({ id: 'demo-dm', roles: [] });
  });

  it('carries no token when the secret comes from AUTH_JWT_SECRET', async () => {
    fixture = await startGatewayFixture({ secretEmbedded: false });
    const { status, html } = await graphiqlPage(fixture.origin);
    expect(status).toBe(200);
    expect(html).toContain('query PartyOverview');
    expect(html).not.toMatch(/Bearer|eyJhbGci/);
  });
});
