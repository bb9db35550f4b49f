/**
 * Two instances of spellbook behind one name: fetches spread over both, /readiness stays ready while one is
 * left, and one dying under load is invisible to clients (its failed fetches are retried on the other).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphServer } from '#lib/subgraph/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';
import { createSpellbook } from './testing/spell-subgraphs.js';

let fixture: GatewayFixture;
let second: SubgraphServer;
let secondUrl: string;

beforeAll(async () => {
  fixture = await startGatewayFixture({
    withImage: false,
    hubConfig: 'message_hub:\n  retry_policy: { base_delay: 5ms, max_delay: 20ms }\n  circuit_breaker: { failure_threshold: 2, reset_timeout: 1m }\n',
    route: async (name, url) => {
      if (name !== 'spellbook') return url;
      second = createSpellbook(TEST_SECRET);
      secondUrl = `http://127.0.0.1:${await second.listen(0)}/graphql`;
      return [url, secondUrl];
    },
  });
});
afterAll(async () => {
  await fixture?.close();
  await second?.close();
});

const instances = () => fixture.hub.registry.get('spellbook')!.snapshot().instances;
// Each request its own alias: identical queries in flight would be joined into one fetch (resilience/dedup.ts).
let counter = 0;
const query = () => `{ spells { name p${++counter}: pages } }`;

describe('several instances of one service', () => {
  it('spreads fetches over both instances', async () => {
    await Promise.all(Array.from({ length: 40 }, () => fixture.graphql(query())));
    const [a, b] = instances();
    expect(a!.requests + b!.requests).toBe(40);
    expect(Math.min(a!.requests, b!.requests)).toBeGreaterThan(5);
  });

  it('loses no client request when one instance dies under load, and stays ready', async () => {
    let stop = false;
    const errors: unknown[] = [];
    let answered = 0;
    const client = async () => {
      while (!stop) {
        const result = await fixture.graphql(query());
        if (result.body.errors) errors.push(result.body.errors);
        else answered++;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    while (answered < 10) await new Promise((resolve) => setTimeout(resolve, 5));
    // A crash, not a drain: open connections are cut with requests on them.
    second.server.closeAllConnections();
    second.server.close();
    const before = answered;
    const deadline = Date.now() + 10_000;
    while (answered < before + 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    stop = true;
    await Promise.all(clients);

    expect(errors).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(before + 40);
    const dead = instances().find((instance) => instance.url === secondUrl)!;
    expect(dead.breaker.state).toBe('OPEN');
    expect(dead.failures).toBeGreaterThanOrEqual(2);

    const readiness = await fetch(`${fixture.origin}/readiness`);
    expect(readiness.status).toBe(200);
    expect(instances().find((instance) => instance.url === secondUrl)).toMatchObject({ healthy: false, healthError: 'connection refused' });
  });

  it('answers 503 naming the service once no instance is left', async () => {
    await fixture.subgraphs.spellbook!.close();
    const readiness = await fetch(`${fixture.origin}/readiness`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({
      status: 'unavailable',
      notReady: ['spellbook'],
      subgraphs: expect.arrayContaining([
        { name: 'spellbook', status: 'unavailable', reason: 'no healthy instance of 2 (connection refused)' },
        { name: 'grimoire', status: 'ok' },
      ]),
    });
  });
});
