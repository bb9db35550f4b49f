export { SERVICE_ATTRIBUTE, type SpanRecord, type TraceSummary } from './span-record.js';
export { RecentTraces } from './recent-traces.js';
export { currentTracing, startTracing, type Tracing } from './tracing.js';
export { tracerOf } from './tracer-of.js';
export { contextFromHeaders, injectTraceHeaders } from './trace-headers.js';
export { currentRequestId, currentService, REQUEST_ID_HEADER, runWithRequestId, setProcessService, type RequestContext } from './request-context.js';
export { configureProcessLogger, createLogger, processLogger, type Logger, type LogsConfig } from './logger.js';
export { counter, gauge, histogram, metricsRegistry, metricsText } from './metrics-registry.js';
export { handleTracesRoute } from './traces-route.js';
