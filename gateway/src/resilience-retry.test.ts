/**
 * Retries and timeouts as a client sees them, counted at a fault proxy in front of grimoire: queries are sent
 * again, a mutation only with an idempotency-key header, and nothing waits past the request's deadline.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import type { FaultProxy } from './testing/fault-proxy.js';
import type { GatewayFixture } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';

let fixture: GatewayFixture;
let proxy: FaultProxy;
let bearer: Record<string, string>;

beforeAll(async () => {
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('grimoire', {
    hubConfig: `
message_hub:
  request_timeout: 1s
  timeout: 400ms
  retry_policy: { max_attempts: 5, base_delay: 10ms, max_delay: 40ms }
  circuit_breaker: { failure_threshold: 1000 }
  health_check: { interval: 1m }
  root_field_timeouts: { Mutation.castSpell: 900ms }
`,
  }));
  bearer = { authorization: `Bearer ${await signUserToken('wizard-1', TEST_SECRET)}` };
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
});
beforeEach(() => {
  proxy.requests.length = 0;
});

let spellNumber = 0;
const learn = () => `mutation { learnSpell(input: { name: "Light ${++spellNumber}", school: EVOCATION, level: 0 }) { id } }`;
const mutationsSent = () => proxy.requests.filter((request) => request.operation === 'mutation').length;

describe('retries', () => {
  it('sends a query again after HTTP 5xx, max_attempts times in all', async () => {
    proxy.mode = { kind: 'status', status: 503 };
    const result = await fixture.graphql('{ spells { name } }');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'BAD_RESPONSE' });
    expect(proxy.requests).toHaveLength(5);
  });

  it('answers a query whose first two attempts lost their connection, from the third', async () => {
    proxy.mode = { kind: 'reset', times: 2 };
    const result = await fixture.graphql('{ spells { name } }');
    expect(result.body).toEqual({ data: { spells: [{ name: 'Fireball' }, { name: 'Shield' }] } });
    expect(proxy.requests).toHaveLength(3);
  });

  it('never sends a mutation without an idempotency key twice', async () => {
    proxy.mode = { kind: 'reset' };
    const result = await fixture.graphql(learn(), undefined, bearer);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'CONNECTION_FAILED' });
    expect(mutationsSent()).toBe(1);
  });

  it('retries a mutation that carries an idempotency-key header, and passes the key on', async () => {
    proxy.mode = { kind: 'status', status: 502 };
    await fixture.graphql(learn(), undefined, { ...bearer, 'idempotency-key': 'learn-light-1' });
    expect(mutationsSent()).toBe(5);
    expect(proxy.requests.map((request) => request.idempotencyKey)).toEqual(Array(5).fill('learn-light-1'));
    proxy.mode = { kind: 'pass' };
    const done = await fixture.graphql(learn(), undefined, { ...bearer, 'idempotency-key': 'learn-light-2' });
    expect(done.body.errors).toBeUndefined();
  });

  it("leaves a subgraph's GraphQL errors alone: an answer is not retried", async () => {
    proxy.mode = { kind: 'pass' };
    const result = await fixture.graphql('{ whoami sealed }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(proxy.requests).toHaveLength(1);
  });
});

describe('timeouts within the deadline', () => {
  it('cuts an attempt at the service timeout: TIMEOUT', async () => {
    proxy.mode = { kind: 'pass', delayMs: 2000 };
    const started = Date.now();
    // A mutation without idempotency key: one attempt, so the answer is that attempt's.
    const result = await fixture.graphql(learn(), undefined, bearer);
    expect(Date.now() - started).toBeLessThan(700);
    expect(result.body.errors?.[0]).toMatchObject({ message: 'The grimoire service is unavailable (timeout after 400 ms)', extensions: { reason: 'TIMEOUT' } });
  });

  it("gives a fetch of a field in root_field_timeouts that field's timeout instead of the service's", async () => {
    proxy.mode = { kind: 'pass', delayMs: 600 };
    const cast = await fixture.graphql('mutation { castSpell(spellId: "spell-1") { caster } }', undefined, bearer);
    expect(cast.body).toEqual({ data: { castSpell: { caster: 'wizard-1' } } });
    // The same service, the same delay, a field not listed: cut at the service's 400 ms.
    const learned = await fixture.graphql(learn(), undefined, bearer);
    expect(learned.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
  });

  it('retries timed-out attempts only until the request deadline: DEADLINE_EXCEEDED', async () => {
    proxy.mode = { kind: 'pass', delayMs: 2000 };
    const started = Date.now();
    const result = await fixture.graphql('{ spells { name } }');
    const took = Date.now() - started;
    // 400 ms, 400 ms, then what is left of the 1 s deadline; 5 attempts were allowed.
    expect(proxy.requests).toHaveLength(3);
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(1400);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DEADLINE_EXCEEDED' });
  });

  it('serves a slow answer that arrives within the timeout', async () => {
    proxy.mode = { kind: 'pass', delayMs: 100 };
    const result = await fixture.graphql('{ spells { name } }');
    expect(result.body.errors).toBeUndefined();
    expect(proxy.requests).toHaveLength(1);
  });
});
