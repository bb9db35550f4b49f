import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import { contextFromHeaders, SERVICE_ATTRIBUTE } from '#lib/telemetry/index.js';
import { gatewayContextOf, type GatewayContext } from '../context/gateway-context.js';
import { errorCodesOf, isGraphiqlPage, nameOperationSpan, operationOf } from '../observability/request-outcome.js';

export const TRACE_ID_HEADER = 'x-trace-id';

export interface TracingOptions {
  /** lib/telemetry startTracing's tracer (a no-op one when tracing is off). */
  tracer: Tracer;
}

type OperationArgs = { args: { contextValue: GatewayContext; document: Parameters<typeof operationOf>[0]; operationName?: string | null | undefined } };

/**
 * A SERVER span per client request (GatewayContext.span), continuing the client's W3C traceparent when it sends one,
 * named after the operation ("mutation GenerateBackstory") once it is known, failed when the answer carries errors.
 * The request is handled inside the span's context, so every subgraph fetch, hub call and log line of it belongs to
 * the trace. The trace id goes back in the x-trace-id response header, for a support request to name the trace
 * (Query.hub.trace).
 */
export function useTracing(options: TracingOptions): Plugin<GatewayContext> {
  const name = ({ args }: OperationArgs) => {
    const operation = operationOf(args.document, args.operationName);
    if (args.contextValue.span && operation) nameOperationSpan(args.contextValue.span, operation);
  };
  return {
    instrumentation: {
      request({ request }, wrapped) {
        if (isGraphiqlPage(request)) return wrapped();
        const parent = contextFromHeaders((header) => request.headers.get(header) ?? undefined);
        const span = options.tracer.startSpan(
          'graphql',
          { kind: SpanKind.SERVER, attributes: { [SERVICE_ATTRIBUTE]: 'gateway', 'http.request.method': request.method, 'url.path': '/graphql' } },
          parent,
        );
        gatewayContextOf(request).span = span;
        return Promise.resolve(context.with(trace.setSpan(parent, span), wrapped)).finally(() => span.end());
      },
    },
    onExecute: name,
    onSubscribe: name,
    onExecutionResult({ request, result }) {
      const codes = errorCodesOf(result);
      if (codes.length === 0) return;
      const gateway = gatewayContextOf(request);
      gateway.span?.setStatus({ code: SpanStatusCode.ERROR, message: [...new Set(codes)].join(', ') });
      gateway.spanFailed = true;
    },
    onResponse({ request, response }) {
      const { span, spanFailed } = gatewayContextOf(request);
      if (!span?.isRecording()) return;
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 400 && !spanFailed) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` });
      response.headers.set(TRACE_ID_HEADER, span.spanContext().traceId);
    },
  };
}
