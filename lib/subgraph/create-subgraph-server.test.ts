import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDENTITY_HEADER } from '../auth/identity.js';
import { signedFor } from '../auth/testing/signed-headers.js';
import { currentRequestId } from '../telemetry/request-context.js';
import { startTracing } from '../telemetry/tracing.js';
import { createSubgraphServer } from './create-subgraph-server.js';

const secret = 'subgraph-server-test-secret';
const tracing = startTracing({ service: 'grimoire', config: { enabled: true, sample_ratio: 1, keep_traces: 50 } });
const server = createSubgraphServer({
  name: 'grimoire',
  typeDefs: parse('type Query { requestId: String broken: String }'),
  resolvers: {
    Query: {
      requestId: () => currentRequestId() ?? null,
      broken: () => {
        throw new Error('the spellbook table is locked');
      },
    },
  },
  secret,
  createContext: () => ({}),
});
let base: string;
beforeAll(async () => {
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(async () => {
  await server.close();
  await tracing.shutdown();
});

/** The gateway's header for one request to this server. */
const signed = (body = '', { method = 'GET', path = '/graphql' }: { method?: string; path?: string } = {}) =>
  signedFor(secret, 'grimoire', { userId: 'u-1' }, { method, path, body });

async function ask(headers: Record<string, string>) {
  const body = JSON.stringify({ query: 'query WhichRequest { requestId }', operationName: 'WhichRequest' });
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signed(body, { method: 'POST' }), ...headers },
    body,
  });
  const answer = (await response.json()) as { data: { requestId: string } };
  return { requestId: answer.data.requestId, header: response.headers.get('x-request-id') };
}

describe('createSubgraphServer tracing and request ids', () => {
  it("serves a request under the caller's x-request-id and continues the caller's trace", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { requestId, header } = await ask({ 'x-request-id': 'req-from-gateway', traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(requestId).toBe('req-from-gateway');
    expect(header).toBe('req-from-gateway');
    const response = await fetch(`${base}/traces?traceId=${traceId}`, { headers: signed('', { path: `/traces?traceId=${traceId}` }) });
    const { spans } = (await response.json()) as { spans: Array<Record<string, unknown>> };
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({
      name: 'graphql WhichRequest',
      kind: 'SERVER',
      service: 'grimoire',
      parentSpanId: '00f067aa0ba902b7',
      attributes: { 'http.response.status_code': 200, 'graphql.operation.name': 'WhichRequest' },
    });
  });

  it('gives a request without an id one of its own, a new one each time', async () => {
    const first = await ask({});
    const second = await ask({});
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.header).toBe(first.requestId);
    expect(second.requestId).not.toBe(first.requestId);
  });

  it('keeps its traces from anyone the gateway did not sign', async () => {
    const response = await fetch(`${base}/traces?recent=10`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('graphql WhichRequest');
  });

  it('leaves health probes out of the traces', async () => {
    await fetch(`${base}/health`);
    const { traces } = (await (await fetch(`${base}/traces?recent=100`, { headers: signed('', { path: '/traces?recent=100' }) })).json()) as {
      traces: Array<{ rootName: string }>;
    };
    expect(traces.length).toBeGreaterThan(0);
    expect(traces.map((trace) => trace.rootName)).not.toContain('GET /health');
  });

  it("logs an unexpected error as one line with the request's id and trace id, and without the caller's identity", async () => {
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const traceId = '5bf92f3577b34da6a3ce929d0e0e4736';
    const sent = JSON.stringify({ query: '{ broken }' });
    const headers = {
      'content-type': 'application/json',
      ...signed(sent, { method: 'POST' }),
      'x-request-id': 'req-broken',
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    };
    let body: { errors: Array<{ message: string; extensions: { code: string } }> };
    try {
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers, body: sent });
      body = (await response.json()) as typeof body;
    } finally {
      stdout.mockRestore();
    }
    expect(body.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0]!.message).not.toContain('spellbook');
    const lines = written
      .join('')
      .split('\n')
      .filter((line) => line.includes('the spellbook table is locked'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"request_id":"req-broken"');
    expect(lines[0]).toContain(`"trace_id":"${traceId}"`);
    expect(lines[0]).not.toContain(signed(sent, { method: 'POST' })[IDENTITY_HEADER]!.split('.')[1]!.slice(0, 20));
  });
});

describe('createSubgraphServer identity', () => {
  const query = JSON.stringify({ query: '{ requestId }' });
  const post = (headers: Record<string, string>, body = query) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const refusal = async (response: Response) => ({
    status: response.status,
    ...((await response.json()) as { errors: Array<{ extensions: { code: string; reason: string } }> }).errors[0]!.extensions,
  });

  it('accepts a header once: the same header again is refused as replayed', async () => {
    const headers = signed(query, { method: 'POST' });
    expect((await post(headers)).status).toBe(200);
    expect(await refusal(await post(headers))).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'replayed' });
  });

  it('refuses a header for another body, another service, another path or method, an expired or a forged one', async () => {
    const other = JSON.stringify({ query: '{ broken }' });
    const cases: Array<[Record<string, string>, string]> = [
      [signed(other, { method: 'POST' }), 'body does not match'],
      [signedFor(secret, 'llm', { userId: 'u-1' }, { method: 'POST', body: query }), 'forged'],
      [signed(query, { method: 'POST', path: '/graphql?x=1' }), 'wrong method or path'],
      [signed(query, { method: 'PUT' }), 'wrong method or path'],
      [signedFor(secret, 'grimoire', { userId: 'u-1' }, { method: 'POST', body: query, now: Date.now() - 11_000 }), 'expired'],
      [signedFor('another-secret-0123456789abcdef0123456789', 'grimoire', { userId: 'u-1' }, { method: 'POST', body: query }), 'forged'],
      [{ [IDENTITY_HEADER]: 'v1.e30.abc' }, 'malformed'],
      [{}, 'missing'],
    ];
    for (const [headers, reason] of cases)
      expect([reason, await refusal(await post(headers))]).toEqual([reason, { status: 401, code: 'UNAUTHENTICATED', reason }]);
  });

  it('keeps /metrics and unknown routes behind the same identity, and probes open', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: signed('', { path: '/metrics' }) })).status).toBe(200);
    expect((await fetch(`${base}/../metrics`)).status).toBe(401);
    expect((await fetch(`${base}/nothing`, { headers: signed('', { path: '/nothing' }) })).status).toBe(404);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/readiness`)).status).toBe(200);
  });

  it('logs a refusal with its reason and never the header', async () => {
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const headers = signed(JSON.stringify({ query: '{ broken }' }), { method: 'POST' });
    try {
      await post(headers);
    } finally {
      stdout.mockRestore();
    }
    const line = written
      .join('')
      .split('\n')
      .find((text) => text.includes('request refused'));
    expect(line).toContain('body does not match');
    expect(line).not.toContain(headers[IDENTITY_HEADER]!.split('.')[2]);
  });
});
