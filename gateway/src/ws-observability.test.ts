/**
 * Operations over graphql-ws are observed as HTTP requests are: each is in message tracking under the connection's
 * request id (with its subgraph fetches), counted in graphql_requests_total, and traced in a SERVER span whose
 * fetches are its children; a refused one is recorded with its code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_ROLE, signUserToken } from '#lib/auth/index.js';
import { startTracing, type Tracing } from '#lib/telemetry/index.js';
import { metric } from '../../tests/helpers/prometheus-text.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { connectOverWs, type TestSocket } from '../../tests/helpers/subscriptions.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

const SPELLS = 'query Spells { spells { name pages } }';

let tracing: Tracing;
let fixture: GatewayFixture;
let socket: TestSocket;

beforeAll(async () => {
  tracing = startTracing({ service: 'gateway', config: { enabled: true, sample_ratio: 1, keep_traces: 100 } });
  fixture = await startGatewayFixture();
  socket = connectOverWs(`${fixture.origin.replace('http:', 'ws:')}/graphql`, {
    authorization: `Bearer ${await signUserToken('wizard-1', TEST_SECRET)}`,
    'x-request-id': 'ws-connection-1',
  });
});
afterAll(async () => {
  await socket?.dispose();
  await fixture?.close();
  await tracing?.shutdown();
});

const tracker = () => fixture.hub.observability.hub.tracker;
const requestsTotal = async (labels: Record<string, string>) => {
  const response = await fetch(`${fixture.origin}/metrics`, {
    headers: { authorization: `Bearer ${await signUserToken('prometheus', TEST_SECRET, '1h', [OPERATOR_ROLE])}` },
  });
  return metric(await response.text(), 'graphql_requests_total', labels);
};

describe('a query over graphql-ws', () => {
  it('is tracked under the connection id with its fetches, counted, and traced with its fetches as children', async () => {
    const before = await requestsTotal({ operation_name: 'Spells', outcome: 'ok' });
    const spells = socket.subscribe({ query: SPELLS });
    expect((await spells.next()).data?.spells).toContainEqual(expect.objectContaining({ name: 'Fireball' }));

    await expect.poll(() => tracker().request('ws-connection-1')?.outcome).toBe('OK');
    const tracked = tracker().request('ws-connection-1');
    expect(tracked).toMatchObject({ operationType: 'QUERY', operationName: 'Spells', userId: 'wizard-1', errorCodes: [] });
    expect(tracked?.fetches.map((f) => f.service)).toContain('spellbook');
    expect(await requestsTotal({ operation_name: 'Spells', outcome: 'ok' })).toBe(before + 1);

    const spans = tracing.recent.spans(tracked!.traceId!);
    const server = spans.find((span) => span.service === 'gateway' && span.kind === 'SERVER');
    expect(server).toMatchObject({ name: 'query Spells' });
    // The fetch's CLIENT span sits under @apollo/gateway's own spans, which sit under the operation's.
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const root = (span: (typeof spans)[number]): (typeof spans)[number] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? root(parent) : span;
    };
    const fetches = spans.filter((span) => span.kind === 'CLIENT' && span.attributes['hub.service'] === 'spellbook');
    expect(fetches.length).toBeGreaterThan(0);
    expect(fetches.map((span) => root(span).spanId)).toEqual(fetches.map(() => server?.spanId));
  });
});

describe('a refused operation over graphql-ws', () => {
  it('keeps the code yoga gives it over HTTP too, and is recorded as an error', async () => {
    const before = await requestsTotal({ operation_type: 'unknown', operation_name: 'anonymous', outcome: 'error' });
    const unknown = socket.subscribe({ query: '{ spellsForgotten { name } }' });
    await expect(unknown.next()).rejects.toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })]);
    const broken = socket.subscribe({ query: 'query Broken { spells { name ', operationName: 'Broken' });
    await expect(broken.next()).rejects.toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) })]);
    const ambiguous = socket.subscribe({ query: 'query A { spells { name } } query B { spells { pages } }' });
    await expect(ambiguous.next()).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_RESOLUTION_FAILURE' }) }),
    ]);

    const refused = tracker().requests({ requestId: 'ws-connection-1', outcome: 'ERROR' });
    expect(refused.map((record) => record.errorCodes)).toEqual([['OPERATION_RESOLUTION_FAILURE'], ['GRAPHQL_PARSE_FAILED'], ['GRAPHQL_VALIDATION_FAILED']]);
    expect(refused.every((record) => record.durationMs !== null)).toBe(true);
    // Named as the subscribe message names it, though it never parsed.
    expect(refused[1]?.operationName).toBe('Broken');
    expect(await requestsTotal({ operation_type: 'unknown', operation_name: 'anonymous', outcome: 'error' })).toBe(before + 2);
  });
});
