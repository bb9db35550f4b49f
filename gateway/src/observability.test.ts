/**
 * The gateway's observability with real subgraphs in-process: request ids (taken, generated, forwarded, returned),
 * the request's trace (SERVER span continuing the client's traceparent, a span per fetch and per attempt, the
 * attempt's traceparent at the subgraph), message tracking of its fetches, the Prometheus series at /metrics, and
 * all of it off when hub.yaml says so.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_ROLE, signUserToken } from '#lib/auth/index.js';
import { startTracing, type Tracing } from '#lib/telemetry/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import type { FaultProxy } from './testing/fault-proxy.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';
import { metric } from '../../tests/helpers/prometheus-text.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FAST_RETRY = 'message_hub:\n  retry_policy: { max_attempts: 3, base_delay: 5ms, max_delay: 20ms }\n';
const SPELLS = 'query Spells { spells { name pages } }';

let tracing: Tracing;
let fixture: GatewayFixture;
let proxy: FaultProxy;

beforeAll(async () => {
  tracing = startTracing({ service: 'gateway', config: { enabled: true, sample_ratio: 1, keep_traces: 100 } });
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('spellbook', { hubConfig: FAST_RETRY }));
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
  await tracing?.shutdown();
});

const scrape = async (origin: string, roles: string[] = [OPERATOR_ROLE]) => {
  const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${await signUserToken('prometheus', TEST_SECRET, '1h', roles)}` } });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('request ids', () => {
  it("returns the client's id, or a new UUID, and sends it with every subgraph fetch", async () => {
    const generated = await fixture.graphql(SPELLS);
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(proxy.requests.at(-1)?.requestId).toBe(id);

    const given = await fixture.graphql(SPELLS, undefined, { 'x-request-id': 'support-ticket-42' });
    expect(given.headers.get('x-request-id')).toBe('support-ticket-42');
    expect(proxy.requests.at(-1)?.requestId).toBe('support-ticket-42');
  });

  it('replaces an unusable id, and answers one on a refused request too', async () => {
    const tooLong = await fixture.graphql(SPELLS, undefined, { 'x-request-id': 'x'.repeat(201) });
    expect(tooLong.headers.get('x-request-id')).toMatch(UUID);
    const refused = await fixture.graphql(SPELLS, undefined, { authorization: 'Bearer not-a-token', 'x-request-id': 'refused-1' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('refused-1');
    expect(fixture.hub.observability.hub.tracker.request('refused-1')).toMatchObject({ outcome: 'ERROR', errorCodes: ['UNAUTHENTICATED'] });
  });
});

describe('one request followed', () => {
  it("is one trace from the client's traceparent through every fetch and attempt, and a tracked request", async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const requestId = `followed-${traceId.slice(0, 8)}`;
    const sent = proxy.requests.length;
    // The first attempt to spellbook fails with 503; the retry is served.
    proxy.mode = { kind: 'status', status: 503, times: 1 };
    const result = await fixture.graphql(SPELLS, undefined, { traceparent: `00-${traceId}-${clientSpanId}-01`, 'x-request-id': requestId });
    expect(result.body.errors).toBeUndefined();
    expect(result.headers.get('x-trace-id')).toBe(traceId);

    const spans = () => tracing.recent.spans(traceId);
    // spellbook's own SERVER span ends when its response closes, a moment after the gateway has the answer.
    await expect.poll(() => spans().filter((span) => span.service === 'spellbook').length).toBeGreaterThan(0);
    const server = spans().find((span) => span.kind === 'SERVER' && span.service === 'gateway');
    expect(server).toMatchObject({ name: 'query Spells', parentSpanId: clientSpanId, status: 'UNSET' });
    const fetch = spans().find((span) => span.name === 'fetch spellbook');
    expect(fetch).toMatchObject({ kind: 'CLIENT', attributes: { 'hub.attempts': 2 } });
    // Under the request's span, through @apollo/gateway's own spans of the plan (gateway.execute, gateway.fetch).
    const byId = new Map(spans().map((span) => [span.spanId, span]));
    const ancestors: string[] = [];
    for (let parent = fetch?.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) ancestors.push(parent);
    expect(ancestors).toContain(server?.spanId);
    const attempts = spans().filter((span) => span.parentSpanId === fetch?.spanId);
    expect(attempts.map((span) => [span.name, span.status, span.attributes['http.response.status_code']])).toEqual([
      ['attempt 1 spellbook', 'ERROR', 503],
      ['attempt 2 spellbook', 'UNSET', 200],
    ]);
    // Each attempt went with its own traceparent; the one that reached spellbook parents spellbook's span.
    const traceparents = proxy.requests.slice(sent).map((request) => request.traceparent);
    expect(traceparents).toEqual(attempts.map((span) => `00-${traceId}-${span.spanId}-01`));
    expect(spans().find((span) => span.service === 'spellbook' && span.kind === 'SERVER')?.parentSpanId).toBe(attempts[1]?.spanId);
    // grimoire's fetch is part of the same trace.
    expect(spans().some((span) => span.service === 'grimoire' && span.kind === 'SERVER')).toBe(true);

    const tracked = fixture.hub.observability.hub.tracker.request(requestId);
    expect(tracked).toMatchObject({ operationName: 'Spells', operationType: 'QUERY', outcome: 'OK', traceId });
    expect(tracked?.fetches.find((f) => f.service === 'spellbook')).toMatchObject({
      instance: proxy.url,
      attempts: 2,
      httpStatus: 200,
      outcome: 'OK',
      shared: false,
    });
    expect(tracked?.fetches.find((f) => f.service === 'grimoire')).toMatchObject({ attempts: 1, httpStatus: 200, outcome: 'OK' });
  });
});

describe('a subscription followed', () => {
  it('answers the request id and trace id on the event stream and sends both to the owning subgraph', async () => {
    const traceId = randomBytes(16).toString('hex');
    const abort = new AbortController();
    const response = await fetch(`${fixture.origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${await signUserToken('wizard-1', TEST_SECRET)}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
        'x-request-id': 'casts-1',
      },
      body: JSON.stringify({ query: 'subscription Casts { spellCast { caster } }' }),
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-request-id')).toBe('casts-1');
    expect(response.headers.get('x-trace-id')).toBe(traceId);
    abort.abort();
    // grimoire's span of the stream ends when the gateway, its client gone, closes the upstream subscription.
    const spans = () => tracing.recent.spans(traceId);
    await expect.poll(() => spans().some((span) => span.service === 'grimoire' && span.kind === 'SERVER')).toBe(true);
    const server = spans().find((span) => span.service === 'gateway' && span.kind === 'SERVER');
    const subscribe = spans().find((span) => span.name === 'subscribe grimoire');
    expect(server?.name).toBe('subscription Casts');
    expect(subscribe).toMatchObject({ kind: 'CLIENT', parentSpanId: server?.spanId });
    expect(spans().find((span) => span.service === 'grimoire' && span.kind === 'SERVER')?.parentSpanId).toBe(subscribe?.spanId);
    expect(fixture.hub.observability.hub.tracker.request('casts-1')).toMatchObject({
      operationType: 'SUBSCRIPTION',
      operationName: 'Casts',
      outcome: 'OK',
      userId: 'wizard-1',
    });
  });
});

describe('/metrics', () => {
  it('counts requests by operation and outcome, fetches, retries, and shows breakers and queues', async () => {
    const before = await scrape(fixture.origin);
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    const labels = { operation_type: 'query', operation_name: 'Spells', outcome: 'ok', service: 'gateway' };
    await fixture.graphql(SPELLS);
    proxy.mode = { kind: 'status', status: 503, times: 1 };
    await fixture.graphql(SPELLS);
    // An anonymous operation whose field fails in the subgraph.
    await fixture.graphql('{ broken }');
    const after = await scrape(fixture.origin);
    expect(metric(after.text, 'graphql_requests_total', labels) - metric(before.text, 'graphql_requests_total', labels)).toBe(2);
    expect(metric(after.text, 'graphql_requests_total', { operation_name: 'anonymous', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(metric(after.text, 'graphql_request_duration_seconds_count', { operation_name: 'Spells' })).toBeGreaterThanOrEqual(2);
    expect(metric(after.text, 'subgraph_fetch_duration_seconds_count', { service: 'spellbook', outcome: 'ok' })).toBeGreaterThan(
      metric(before.text, 'subgraph_fetch_duration_seconds_count', { service: 'spellbook', outcome: 'ok' }),
    );
    expect(
      metric(after.text, 'subgraph_fetch_retries_total', { service: 'spellbook' }) -
        metric(before.text, 'subgraph_fetch_retries_total', { service: 'spellbook' }),
    ).toBe(1);
    expect(after.text).toMatch(new RegExp(`circuit_breaker_state\\{[^}]*instance="${proxy.url}"[^}]*\\} 0`));
    expect(after.text).toMatch(/bulkhead_queue_depth\{[^}]*service="spellbook"[^}]*\} 0/);
    // The subgraph's error text (a secret in the fixture's message) is no label of any series.
    expect(after.text).not.toContain('hunter2');
  });

  it("is for operators: instance URLs and operation names are the platform's inside", async () => {
    const anonymous = await fetch(`${fixture.origin}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const player = await scrape(fixture.origin, []);
    expect(player.status).toBe(403);
    expect(player.text).toContain('FORBIDDEN');
    expect(player.text).not.toContain(proxy.url);
  });
});

describe('observability off (hub.yaml)', () => {
  it('keeps no series, spans or records, and still returns request ids', async () => {
    const off = await startGatewayFixture({
      withImage: false,
      hubConfig: 'observability:\n  tracing: { enabled: false }\n  metrics: { enabled: false }\n  tracking: { enabled: false }\n',
    });
    try {
      const result = await off.graphql(SPELLS, undefined, { traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` });
      expect(result.headers.get('x-request-id')).toMatch(UUID);
      expect(result.headers.get('x-trace-id')).toBeNull();
      expect((await scrape(off.origin)).status).toBe(404);
      expect(off.hub.observability.hub.tracker.requests()).toEqual([]);
      expect(off.hub.observability.fetchObserver).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});
