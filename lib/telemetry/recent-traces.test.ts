import { context, trace, type Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { RecentTraces } from './recent-traces.js';

/** A provider of its own (not the process-wide one) writing into `recent`. */
function tracerInto(recent: RecentTraces, service = 'character'): Tracer {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(recent)],
  });
  return provider.getTracer('test');
}

/** One trace: a root span with one child. */
function makeTrace(tracer: Tracer, name: string): string {
  const root = tracer.startSpan(name);
  const child = tracer.startSpan('db select', {}, trace.setSpan(context.active(), root));
  child.end();
  root.end();
  return root.spanContext().traceId;
}

describe('RecentTraces', () => {
  it('keeps the last keepTraces traces whole and drops the oldest first', () => {
    const recent = new RecentTraces(3);
    const tracer = tracerInto(recent);
    const ids = ['a', 'b', 'c', 'd', 'e'].map((name) => makeTrace(tracer, name));
    expect(recent.size).toBe(3);
    expect(recent.spans(ids[0]!)).toEqual([]);
    expect(recent.spans(ids[1]!)).toEqual([]);
    for (const id of ids.slice(2)) expect(recent.spans(id)).toHaveLength(2);
    expect(recent.traces(10).map((t) => t.rootName)).toEqual(['e', 'd', 'c']);
    expect(recent.traces(2)).toHaveLength(2);
  });

  it('gives a trace its spans with parents, kinds and the service', () => {
    const recent = new RecentTraces(10);
    const traceId = makeTrace(tracerInto(recent, 'campaign'), 'POST /graphql');
    const [root, child] = recent.spans(traceId);
    expect(root).toMatchObject({ name: 'POST /graphql', parentSpanId: null, service: 'campaign', kind: 'INTERNAL', status: 'UNSET' });
    expect(child).toMatchObject({ name: 'db select', parentSpanId: root!.spanId, traceId });
    expect(Date.parse(root!.startTime)).toBeGreaterThan(Date.now() - 60_000);
    expect(recent.traces(1)[0]).toMatchObject({ traceId, rootName: 'POST /graphql', service: 'campaign', spanCount: 2, error: false });
  });

  it('summarises a trace whose root lives in another process from its earliest local span', () => {
    const recent = new RecentTraces(10);
    const tracer = tracerInto(recent, 'llm');
    // The caller's span, as a traceparent would bring it: known by id only, never ended here.
    const remote = trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1, isRemote: true });
    const server = tracer.startSpan('graphql mutation', {}, trace.setSpan(context.active(), remote));
    const inner = tracer.startSpan('llm provider local', { attributes: { 'service.name': 'llm-provider' } }, trace.setSpan(context.active(), server));
    inner.end();
    server.end();
    const [summary] = recent.traces(1);
    expect(summary).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', rootName: 'graphql mutation', service: 'llm', spanCount: 2 });
    const spans = recent.spans('0af7651916cd43dd8448eb211c80319c');
    expect(spans[0]!.parentSpanId).toBe('b7ad6b7169203331');
    expect(spans[1]!.service).toBe('llm-provider');
  });
});
