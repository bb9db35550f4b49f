import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecentTraces } from './recent-traces.js';
import { handleTracesRoute } from './traces-route.js';
import { startTracing } from './tracing.js';

const tracing = startTracing({ service: 'character', config: { enabled: true, sample_ratio: 1, keep_traces: 10 } });
let server: Server;
let base: string;
let traceId: string;

beforeAll(async () => {
  const recent: RecentTraces = tracing.recent;
  server = createServer((req, res) => {
    if (handleTracesRoute(req, res, recent)) return;
    res.writeHead(404).end('not traces');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  traceId = tracing.tracer.startActiveSpan('POST /graphql', (span) => {
    tracing.tracer.startSpan('db select').end();
    span.end();
    return span.spanContext().traceId;
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await tracing.shutdown();
});

describe('/traces', () => {
  it('gives a trace by id and the recent traces ', async () => {
    const byId = (await (await fetch(`${base}/traces?traceId=${traceId}`)).json()) as { spans: Array<{ name: string; parentSpanId: string | null }> };
    expect(byId.spans.map((span) => span.name)).toEqual(['POST /graphql', 'db select']);
    const recent = (await (await fetch(`${base}/traces?recent=5`)).json()) as { traces: Array<{ traceId: string; spanCount: number }> };
    expect(recent.traces[0]).toMatchObject({ traceId, spanCount: 2 });
  });

  it('answers bad parameters with 400 and leaves other paths to the server', async () => {
    expect((await fetch(`${base}/traces?traceId=not-hex`)).status).toBe(400);
    expect((await fetch(`${base}/traces?recent=0`)).status).toBe(400);
    expect(await fetch(`${base}/traces?traceId=${'0'.repeat(32)}`).then((r) => r.json())).toEqual({ spans: [] });
    expect(await (await fetch(`${base}/tracesx`)).text()).toBe('not traces');
  });
});
