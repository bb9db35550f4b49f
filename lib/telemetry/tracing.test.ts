import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { startTracing, type TracingConfig } from './tracing.js';

const base = { enabled: true, sample_ratio: 1, keep_traces: 10 };

/** A request span, a span of @apollo/gateway's tracer inside it, and a hub span inside that: what each keeps. */
function traceThroughApollo(config: TracingConfig) {
  const tracing = startTracing({ service: 'gateway', config });
  const apollo = trace.getTracer('apollo/gateway-js');
  const traceId = tracing.tracer.startActiveSpan('query Spells', (request) => {
    apollo.startActiveSpan('gateway.fetch', (internal) => {
      tracing.tracer.startSpan('fetch grimoire').end();
      internal.end();
    });
    request.end();
    return request.spanContext().traceId;
  });
  return { tracing, spans: tracing.recent.spans(traceId) };
}

describe("@apollo/gateway's own spans", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('are left out by default, and the spans under them hang from the span above', () => {
    const { tracing, spans } = traceThroughApollo(base);
    stop = tracing.shutdown;
    const request = spans.find((span) => span.name === 'query Spells');
    expect(spans.map((span) => span.name).sort()).toEqual(['fetch grimoire', 'query Spells']);
    expect(spans.find((span) => span.name === 'fetch grimoire')?.parentSpanId).toBe(request?.spanId);
  });

  it('are kept with apollo_gateway_spans', () => {
    const { tracing, spans } = traceThroughApollo({ ...base, apollo_gateway_spans: true });
    stop = tracing.shutdown;
    const internal = spans.find((span) => span.name === 'gateway.fetch');
    expect(internal?.parentSpanId).toBe(spans.find((span) => span.name === 'query Spells')?.spanId);
    expect(spans.find((span) => span.name === 'fetch grimoire')?.parentSpanId).toBe(internal?.spanId);
  });
});
