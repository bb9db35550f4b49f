import { context, propagation, ProxyTracerProvider, trace, TraceFlags, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, ParentBasedSampler, TraceIdRatioBasedSampler, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { ObservabilityConfig } from '../config/observability-config.js';
import { RecentTraces } from './recent-traces.js';
import { SERVICE_ATTRIBUTE } from './span-record.js';

export interface Tracing {
  /** This process's last traces (empty, and never filled, when tracing is disabled). */
  recent: RecentTraces;
  tracer: Tracer;
  /** Flushes OTLP and unregisters the provider: a later startTracing starts afresh (bench/ measures on and off). */
  shutdown(): Promise<void>;
}

let current: Tracing | undefined;

/** hub.yaml observability.tracing; apollo_gateway_spans may be left out (tests and benches), meaning off. */
export type TracingConfig = Omit<ObservabilityConfig['tracing'], 'apollo_gateway_spans'> & { apollo_gateway_spans?: boolean };

// The instrumentation scope @apollo/gateway names its tracer with (dist/utilities/opentelemetry.js).
const APOLLO_GATEWAY_TRACER = 'apollo/gateway-js';

/**
 * The provider as every module sees it, with the tracers of `muted` instrumentation scopes left without spans. A muted
 * tracer's spans are the API's no-op ones, which carry their parent's context: spans started under them (the hub's
 * fetch spans under @apollo/gateway's) become children of the span above, so the trace loses a level, not a link.
 */
function withoutTracers(provider: TracerProvider, muted: ReadonlySet<string>): TracerProvider {
  // A ProxyTracerProvider that is never given a delegate hands out tracers that make only no-op spans.
  const none = new ProxyTracerProvider();
  return { getTracer: (name, version, options) => (muted.has(name) ? none : provider).getTracer(name, version, options) };
}

/**
 * Hands each ended span to RecentTraces at once. SimpleSpanProcessor would do the same through two promises and a
 * pending-export set per span, bookkeeping made for exporters that write somewhere slow; this one stores in memory.
 */
function recentProcessor(recent: RecentTraces): SpanProcessor {
  return {
    onStart: () => undefined,
    onEnd: (span) => {
      if (span.spanContext().traceFlags & TraceFlags.SAMPLED) recent.add(span);
    },
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
}

/**
 * Registers this process's tracer provider (the @opentelemetry/api globals every module's spans go through):
 * AsyncLocalStorage context, W3C traceparent and baggage, parent-based ratio sampling. Spans always go to the
 * in-memory RecentTraces and, when OTEL_EXPORTER_OTLP_ENDPOINT is set, to that collector over OTLP/HTTP.
 * Disabled: nothing is registered, so the API stays no-op and a span costs next to nothing.
 * Once per process: a test that starts several services in one process gets the first call's handle back.
 */
export function startTracing({ service, config }: { service: string; config: TracingConfig }): Tracing {
  if (current) return current;
  const recent = new RecentTraces(config.keep_traces);
  if (!config.enabled) {
    const handle: Tracing = {
      recent,
      tracer: trace.getTracer(service),
      shutdown: async () => {
        if (current === handle) current = undefined;
      },
    };
    return (current = handle);
  }
  const processors: SpanProcessor[] = [recentProcessor(recent)];
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [SERVICE_ATTRIBUTE]: service }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sample_ratio) }),
    spanProcessors: processors,
  });
  // Defaults: AsyncLocalStorageContextManager and the W3C trace-context + baggage propagator.
  provider.register();
  // The API registers a proxy in front of the provider; libraries' tracers (module constants, made before this
  // ran) resolve through that proxy at their first span, so its delegate is where muting has to happen.
  const registered = trace.getTracerProvider();
  if (!config.apollo_gateway_spans && registered instanceof ProxyTracerProvider) {
    registered.setDelegate(withoutTracers(provider, new Set([APOLLO_GATEWAY_TRACER])));
  }
  const handle: Tracing = {
    recent,
    tracer: provider.getTracer(service),
    shutdown: async () => {
      if (current === handle) current = undefined;
      // A collector that is down at shutdown loses the last batch; it must not turn a clean stop into a crash.
      await provider.shutdown().catch(() => undefined);
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  return (current = handle);
}

/** The handle startTracing returned in this process, if it was called. */
export function currentTracing(): Tracing | undefined {
  return current;
}
