import { loadHubConfig } from '../config/hub-config.js';
import type { ObservabilityConfig } from '../config/observability-config.js';
import { configureProcessLogger } from '../telemetry/logger.js';
import { startTracing, type Tracing } from '../telemetry/tracing.js';

export interface SubgraphObservability {
  config: ObservabilityConfig;
  tracing: Tracing;
}

/**
 * First thing a subgraph process does: its logger and tracer from hub.yaml's `observability`, so that every line
 * and span after this names the service. stop() flushes the spans still waiting for the OTLP collector.
 */
export function startObservability(service: string, hubFile?: string): SubgraphObservability {
  const config = loadHubConfig(hubFile).observability;
  configureProcessLogger(service, config.logs);
  return { config, tracing: startTracing({ service, config: config.tracing }) };
}
