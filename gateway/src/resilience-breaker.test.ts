/**
 * A spellbook instance behind a fault proxy: its breaker opens after failure_threshold failures, its fields then
 * fail fast with SERVICE_UNAVAILABLE (reason CIRCUIT_OPEN) at their own paths while grimoire's data is served,
 * and a probe closes it once the instance answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultProxy } from './testing/fault-proxy.js';
import type { GatewayFixture } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';

let fixture: GatewayFixture;
let proxy: FaultProxy;

beforeAll(async () => {
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('spellbook', {
    // No retries: each client request is one attempt, so the threshold counts client requests.
    hubConfig:
      'message_hub:\n  retry_policy: { max_attempts: 1 }\n  circuit_breaker: { failure_threshold: 3, reset_timeout: 400ms }\n  health_check: { interval: 1m }\n',
  }));
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
});

// note is nullable: a failed fetch leaves it null rather than nulling its parents.
const QUERY = '{ spells { name note } }';
const spellbook = () => fixture.hub.registry.get('spellbook')!.snapshot().instances[0]!;

describe('circuit breaker per instance', () => {
  it('opens after failure_threshold consecutive failures; until then each request tries the service', async () => {
    proxy.mode = { kind: 'status', status: 502 };
    for (let i = 0; i < 3; i++) {
      const result = await fixture.graphql(QUERY);
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'spellbook', reason: 'BAD_RESPONSE' });
      expect(spellbook().breaker.state).toBe(i < 2 ? 'CLOSED' : 'OPEN');
    }
    expect(proxy.requests).toHaveLength(3);
    expect(spellbook()).toMatchObject({ requests: 3, failures: 3, breaker: { state: 'OPEN', failures: 3, transitions: 1 } });
  });

  it("fails the open service's fields fast at their paths and serves the rest of the response", async () => {
    const started = performance.now();
    const result = await fixture.graphql(QUERY);
    const took = performance.now() - started;
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({
      spells: [
        { name: 'Fireball', note: null },
        { name: 'Shield', note: null },
      ],
    });
    expect(result.body.errors).toEqual([
      expect.objectContaining({ path: ['spells', 0, 'note'], extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'spellbook', reason: 'CIRCUIT_OPEN' } }),
      expect.objectContaining({ path: ['spells', 1, 'note'], extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'spellbook', reason: 'CIRCUIT_OPEN' } }),
    ]);
    expect(result.body.errors?.[0]?.message).toBe('The spellbook service is unavailable (circuit breaker open)');
    // Nothing was sent to the open instance.
    expect(proxy.requests).toHaveLength(3);
    expect(took).toBeLessThan(200);
  });

  it('lets a probe through after reset_timeout and closes on its success', async () => {
    proxy.mode = { kind: 'pass' };
    await new Promise((resolve) => setTimeout(resolve, 450));
    const result = await fixture.graphql(QUERY);
    expect(result.body.data).toEqual({
      spells: [
        { name: 'Fireball', note: 'notes on spell-1' },
        { name: 'Shield', note: null },
      ],
    });
    // The subgraph's own NOT_FOUND for one note is an answer, not a failure of the service.
    expect(result.body.errors).toEqual([expect.objectContaining({ path: ['spells', 1, 'note'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    expect(spellbook().breaker).toMatchObject({ state: 'CLOSED', failures: 0, transitions: 3 });
  });

  it('opens again at once when the probe fails', async () => {
    proxy.mode = { kind: 'reset' };
    for (let i = 0; i < 3; i++) await fixture.graphql(QUERY);
    expect(spellbook().breaker.state).toBe('OPEN');
    await new Promise((resolve) => setTimeout(resolve, 450));
    const probe = await fixture.graphql(QUERY);
    expect(probe.body.errors?.[0]?.extensions?.reason).toBe('CONNECTION_FAILED');
    expect(spellbook().breaker.state).toBe('OPEN');
    const next = await fixture.graphql(QUERY);
    expect(next.body.errors?.[0]?.extensions?.reason).toBe('CIRCUIT_OPEN');
  });
});
