import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from './resilience/health-check.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

let fixture: GatewayFixture;
beforeAll(async () => {
  fixture = await startGatewayFixture();
});
afterAll(() => fixture?.close());

async function getJson(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${fixture.origin}${path}`);
  return { status: response.status, body: await response.json() };
}

describe('liveness and readiness', () => {
  it('/health answers 200 {"status":"ok"}', async () => {
    expect(await getJson('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('/readiness answers 200 listing every subgraph as ok', async () => {
    const { status, body } = await getJson('/readiness');
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.subgraphs).toEqual(
      expect.arrayContaining([
        { name: 'grimoire', status: 'ok' },
        { name: 'spellbook', status: 'ok' },
        { name: 'image', status: 'ok' },
      ]),
    );
  });
});

describe('a subgraph that is down', () => {
  // The last tests of this file: spellbook is stopped here and stays down.
  let hung: Server;
  beforeAll(async () => {
    await fixture.subgraphs.spellbook?.close();
  });
  afterAll(() => new Promise<void>((resolve) => (hung ? hung.close(() => resolve()) : resolve())));

  it('makes /readiness answer 503 naming it and why, the others still ok', async () => {
    const { status, body } = await getJson('/readiness');
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.subgraphs).toContainEqual({ name: 'spellbook', status: 'unavailable', reason: 'connection refused' });
    expect(body.subgraphs).toContainEqual({ name: 'grimoire', status: 'ok' });
  });

  it("gives its fields a SERVICE_UNAVAILABLE error while the other subgraphs' data is served", async () => {
    const result = await fixture.graphql('{ spells { name note } }');
    expect(result.body.data?.spells).toEqual([
      { name: 'Fireball', note: null },
      { name: 'Shield', note: null },
    ]);
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'The spellbook service is unavailable (connection refused)',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'spellbook' },
    });
  });

  it('reports a subgraph whose /health is slower than the readiness timeout as a timeout', async () => {
    // A server that accepts the connection and never answers.
    hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const port = (hung.address() as AddressInfo).port;
    const agent = new Agent();
    const reason = await checkHealth(`http://127.0.0.1:${port}/graphql`, agent, 300);
    await agent.destroy();
    expect(reason).toBe('timeout after 300 ms');
  });

  it('reports a subgraph whose /health answers an error status with that status', async () => {
    const failing = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const agent = new Agent();
    const reason = await checkHealth(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/graphql`, agent, 1000);
    await agent.close();
    await new Promise<void>((resolve) => failing.close(() => resolve()));
    expect(reason).toBe('HTTP 500');
  });
});
