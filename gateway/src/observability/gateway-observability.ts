import type { ServerResponse } from 'node:http';
import { trace, type Tracer } from '@opentelemetry/api';
import type { Dispatcher } from 'undici';
import type { ObservabilityConfig } from '#lib/config/observability-config.js';
import { currentTracing, metricsRegistry, processLogger, RecentTraces, type Tracing } from '#lib/telemetry/index.js';
import type { ServiceSnapshot } from '../resilience/resilient-service.js';
import { gatewayMetrics, type GatewayMetrics } from './gateway-metrics.js';
import type { RequestRecordingOptions } from './request-observation.js';
import { RequestTracker } from './request-tracker.js';
import { subgraphFetchObserver, type SubgraphFetchObserver } from './subgraph-fetch-observer.js';
import { TraceReader } from './trace-reader.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import { wsOperationObserver, type WsOperationObserver } from './ws-operation-observer.js';

export const GATEWAY_SERVICE = 'gateway';

/** What Query.hub reads of the gateway's observability: message tracking and traces. */
export interface HubObservability {
  tracker: RequestTracker;
  traces: TraceReader;
}

export interface GatewayObservabilityOptions {
  /** hub.yaml observability. */
  config: ObservabilityConfig;
  /** The services routed to: instances for Hub.trace, breakers and queues for /metrics. */
  services: () => ServiceSnapshot[];
  /** Signs the gateway's reads of the subgraphs' /traces. */
  identities: GatewayIdentities;
  dispatcher: Dispatcher;
  /** Default: the process's (lib/telemetry startTracing, called by main.ts); none means spans go nowhere. */
  tracing?: Tracing | undefined;
}

export interface GatewayObservability {
  /** For use-tracing's SERVER spans; undefined when observability.tracing is off (no span plugin at all). */
  tracer: Tracer | undefined;
  /** For use-request-recording: message tracking, the request series and the access log. */
  recording: RequestRecordingOptions;
  /** For every SubgraphDataSource; undefined when tracing, metrics and tracking are all off (nothing to pay for). */
  fetchObserver: SubgraphFetchObserver | undefined;
  /** What the plugins do for HTTP requests, for graphql-ws operations (ws-server.ts). */
  wsOperations: WsOperationObserver;
  /** Query.hub's requests, request, trace and traces. */
  hub: HubObservability;
  /** Undefined when observability.metrics is off. */
  metrics: GatewayMetrics | undefined;
  /** GET /metrics: Prometheus text, or 404 when metrics are off. */
  serveMetrics(res: ServerResponse): Promise<void>;
  close(): void;
}

/** The gateway's tracing, metrics, message tracking and logs, built from hub.yaml's observability section. */
export function createGatewayObservability(options: GatewayObservabilityOptions): GatewayObservability {
  const { config } = options;
  const tracing = options.tracing ?? currentTracing();
  const tracer = tracing?.tracer ?? trace.getTracer(GATEWAY_SERVICE);
  const registry = config.metrics.enabled ? metricsRegistry(GATEWAY_SERVICE) : undefined;
  const metrics = registry ? gatewayMetrics(registry) : undefined;
  const unwatch = metrics?.watch(options.services);
  const tracker = new RequestTracker({ enabled: config.tracking.enabled, windowMs: config.tracking.window * 1000, maxRequests: config.tracking.max_requests });
  const tracingOn = config.tracing.enabled;

  const recording = { tracker: tracker.enabled ? tracker : undefined, metrics, logger: processLogger(GATEWAY_SERVICE) };

  const observed = tracingOn || metrics !== undefined || tracker.enabled;
  const instances = () => options.services().flatMap((service) => service.instances.map((instance) => ({ service: service.name, url: instance.url })));
  return {
    tracer: tracingOn ? tracer : undefined,
    recording,
    fetchObserver: observed ? subgraphFetchObserver({ tracer, metrics, tracker: tracker.enabled ? tracker : undefined }) : undefined,
    wsOperations: wsOperationObserver({ tracer: tracingOn ? tracer : undefined, recording }),
    hub: {
      tracker,
      // Never filled when this process did not start tracing: the subgraphs' spans are still read.
      traces: new TraceReader({ recent: tracing?.recent ?? new RecentTraces(1), instances, identities: options.identities, dispatcher: options.dispatcher }),
    },
    metrics,
    async serveMetrics(res) {
      if (!registry) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics are off (hub.yaml observability.metrics.enabled)\n');
        return;
      }
      const text = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType }).end(text);
    },
    close() {
      unwatch?.();
    },
  };
}
