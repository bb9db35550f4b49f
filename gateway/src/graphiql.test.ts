import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAYGROUND_EXAMPLES } from '../../frontend-sdk/playground-examples.js';
import { verifyUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { graphiqlOptions } from './graphiql.js';
import { fromLoopback } from './http/playground-page.js';
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

  it('carries no token in production, nor to a caller that is not on this machine, even with the embedded secret', async () => {
    const production = await graphiqlOptions({ secret: TEST_SECRET, embedded: true }, { NODE_ENV: 'production' })({ loopback: true });
    expect(production.headers).toBeUndefined();
    const remote = await graphiqlOptions({ secret: TEST_SECRET, embedded: true }, {})({ loopback: false });
    expect(JSON.stringify(remote)).not.toMatch(/Bearer|eyJhbGci/);
    const local = await graphiqlOptions({ secret: TEST_SECRET, embedded: true }, {})({ loopback: true });
    expect(local.headers).toMatch(/Bearer /);
    const from = (remoteAddress: string) => fromLoopback({ socket: { remoteAddress } } as IncomingMessage);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.7', '192.168.1.20', '::ffff:10.0.0.7'].map(from)).toEqual([true, true, true, false, false, false]);
  });

  it('carries no token when the secret comes from AUTH_JWT_SECRET', async () => {
    fixture = await startGatewayFixture({ secretEmbedded: false });
    const { status, html } = await graphiqlPage(fixture.origin);
    expect(status).toBe(200);
    expect(html).toContain('query PartyOverview');
    expect(html).not.toMatch(/Bearer|eyJhbGci/);
  });

  it('is served whole from the gateway (no CDN) with a tab per user journey and its example variables', async () => {
    fixture = await startGatewayFixture({ secretEmbedded: true });
    const { html } = await graphiqlPage(fixture.origin);
    // Yoga's default page loads GraphiQL from unpkg.com, which a machine with no network cannot reach: every script
    // and stylesheet here is one of the gateway's own assets.
    expect(html).not.toMatch(/https?:\/\//);
    const linked = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(linked.length).toBeGreaterThan(0);
    for (const url of linked) expect(url).toMatch(/^\/playground\/assets\//);
    for (const operation of [
      'mutation CreateCharacter',
      'mutation LevelUp',
      'mutation EquipArmour',
      'mutation CreateCampaign',
      'mutation InvitePlayer',
      'mutation JoinParty',
      'mutation EndSession',
      'subscription StreamBackstory',
      'mutation GeneratePortrait',
      'query BrowseImages',
    ]) {
      expect(html, operation).toContain(operation);
    }
    // The options object the page hands to GraphiQL, as render-graphiql writes it.
    const options = /renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s.exec(html)?.[1];
    expect(options, 'GraphiQL options in the page').toBeDefined();
    const parsed = (JSON.parse(options ?? '{}') as { defaultTabs: Array<{ query: string; variables?: string; headers?: string }> }).defaultTabs;
    expect(parsed).toHaveLength(PLAYGROUND_EXAMPLES.length + 1);
    expect(JSON.parse(parsed[1]?.variables ?? '{}')).toMatchObject({ input: { name: 'Kettra Ashvale', race: 'HALF_ELF' } });
    expect(parsed.every((tab) => tab.headers?.includes('Bearer '))).toBe(true);
  });

  it('goes out compressed as the browser accepts, the same page, and a revalidated reload is a 304', async () => {
    fixture = await startGatewayFixture({ secretEmbedded: true });
    const url = `${fixture.origin}/graphql`;
    const plain = await request(url, { headers: { accept: 'text/html' } });
    const html = Buffer.from(await plain.body.arrayBuffer());
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(html.toString()).toContain('query PartyOverview');

    const gz = await request(url, { headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate' } });
    const compressed = Buffer.from(await gz.body.arrayBuffer());
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(compressed.length).toBeLessThan(html.length / 3);
    expect(gunzipSync(compressed).equals(html)).toBe(true);
    const br = await request(url, { headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' } });
    await br.body.dump();
    expect(br.headers['content-encoding']).toBe('br');

    const etag = String(plain.headers.etag);
    expect(plain.headers['cache-control']).toBe('no-cache');
    const again = await request(url, { headers: { accept: 'text/html', 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await again.body.arrayBuffer()).byteLength).toBe(0);
  });
});
