import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { contextFromHeaders, injectTraceHeaders } from './trace-headers.js';
import { startTracing } from './tracing.js';

const config = { enabled: true, sample_ratio: 1, keep_traces: 10 };

describe('trace headers', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('carries the active span to another process and back: the receiver parents its spans on the sender', () => {
    const tracing = startTracing({ service: 'gateway', config });
    stop = tracing.shutdown;
    const headers: Record<string, string> = {};
    const sender = tracing.tracer.startActiveSpan('subgraph fetch', (span) => {
      injectTraceHeaders(headers);
      span.end();
      return span.spanContext();
    });
    expect(headers.traceparent).toBe(`00-${sender.traceId}-${sender.spanId}-01`);

    const received = contextFromHeaders((name) => headers[name]);
    const server = tracing.tracer.startSpan('character POST /graphql', {}, received);
    server.end();
    expect(server.spanContext().traceId).toBe(sender.traceId);
    const record = tracing.recent.spans(sender.traceId).find((span) => span.name === 'character POST /graphql');
    expect(record?.parentSpanId).toBe(sender.spanId);
  });

  it('without a traceparent the receiver starts a trace of its own', () => {
    const tracing = startTracing({ service: 'gateway', config });
    stop = tracing.shutdown;
    const context = contextFromHeaders(() => undefined);
    expect(trace.getSpanContext(context)).toBeUndefined();
  });

  it('sends nothing and records nothing while tracing is disabled', () => {
    const tracing = startTracing({ service: 'gateway', config: { ...config, enabled: false } });
    stop = tracing.shutdown;
    const headers: Record<string, string> = {};
    tracing.tracer.startActiveSpan('subgraph fetch', (span) => {
      injectTraceHeaders(headers);
      expect(span.isRecording()).toBe(false);
      span.end();
    });
    expect(headers).toEqual({});
    expect(tracing.recent.traces(10)).toEqual([]);
  });

  it('a second startTracing in one process returns the first handle', () => {
    const first = startTracing({ service: 'gateway', config });
    stop = first.shutdown;
    expect(startTracing({ service: 'character', config })).toBe(first);
  });

  it('samples by trace id: ratio 0 keeps no new trace', () => {
    const tracing = startTracing({ service: 'gateway', config: { ...config, sample_ratio: 0 } });
    stop = tracing.shutdown;
    tracing.tracer.startSpan('request').end();
    expect(tracing.recent.traces(10)).toEqual([]);
  });
});
