/**
 * The gateway's Server-Timing header: every GraphQL answer says how long the gateway took, and that figure covers
 * the subgraph fetches (a spellbook slowed by a proxy shows in it) but not the client's side of the road.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultProxy } from './testing/fault-proxy.js';
import type { GatewayFixture } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';

let fixture: GatewayFixture;
let proxy: FaultProxy;

beforeAll(async () => {
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('spellbook'));
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
});

const TIMING = /^total;dur=(\d+\.\d{2})$/;
const totalMs = (headers: Headers) => Number(TIMING.exec(headers.get('server-timing') ?? '')?.[1]);

describe('Server-Timing', () => {
  it("gives the gateway's own time, in ms with two decimals, on an answer of the gateway alone", async () => {
    const started = performance.now();
    const result = await fixture.graphql('{ __typename }');
    const clientMs = performance.now() - started;
    expect(result.headers.get('server-timing')).toMatch(TIMING);
    expect(totalMs(result.headers)).toBeLessThanOrEqual(clientMs);
  });

  it('includes the time spent waiting for subgraphs', async () => {
    // 150 ms: far above the gateway's own time for this query, so the header can only reach it by counting the wait.
    const delayMs = 150;
    proxy.mode = { kind: 'pass', delayMs };
    const result = await fixture.graphql('{ spells { name note } }');
    proxy.mode = { kind: 'pass' };
    // Some spells have no note (the fixture's NOT_FOUND on purpose): what matters is that spellbook answered.
    expect(result.body.data?.spells?.[0]?.note).toEqual(expect.any(String));
    expect(totalMs(result.headers)).toBeGreaterThanOrEqual(delayMs);
  });

  it('is on answers the gateway refuses before execution too (a bad token)', async () => {
    const result = await fixture.graphql('{ __typename }', undefined, { authorization: 'Bearer not-a-token' });
    expect(result.status).toBe(401);
    expect(result.headers.get('server-timing')).toMatch(TIMING);
  });
});
