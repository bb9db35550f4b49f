import { trace, context } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import type { Identity } from '../../../lib/auth/index.js';
import type { Logger } from '../../../lib/telemetry/index.js';
import type { GatewayMetrics } from '../observability/gateway-metrics.js';
import { errorCodesOf, httpStatusCode, isGraphiqlPage, operationOf } from '../observability/request-outcome.js';
import type { RequestTracker } from '../observability/request-tracker.js';
import type { RequestRecord, TrackedOperationType } from '../observability/tracked-request.js';
import { requestIdOf } from './use-request-id.js';

export interface RequestRecordingOptions {
  /** Message tracking; absent when observability.tracking is off. */
  tracker?: RequestTracker | undefined;
  /** Absent when observability.metrics is off. */
  metrics?: GatewayMetrics | undefined;
  /** One line per request (lib/telemetry's logger adds its request and trace ids). */
  logger?: Logger | undefined;
}

/** What is known of one request as it goes: kept until its answer is ready. */
interface Observed {
  started: number;
  record: RequestRecord | undefined;
  operationType: TrackedOperationType | null;
  operationName: string | null;
  errorCodes: string[];
}

/**
 * Each client request's operation and outcome, once, for what records them: message tracking (the request's record,
 * which its subgraph fetches join), the graphql_requests_total and duration series, and the access log line. The
 * outcome is read from the answer: ERROR when it carries errors (their codes kept) or the request was refused
 * (HTTP 4xx/5xx).
 * Before useAuth in the plugin list, so that a refused token is counted too.
 */
export function useRequestRecording(options: RequestRecordingOptions): Plugin {
  const observed = new WeakMap<Request, Observed>();
  const describe = (request: Request | undefined, type: TrackedOperationType | null, name: string | null, identity?: Identity) => {
    const state = request && observed.get(request);
    if (!state) return;
    state.operationType = type;
    state.operationName = name;
    if (state.record) {
      state.record.operationType = type;
      state.record.operationName = name;
      if (identity) state.record.userId = identity.userId;
    }
  };
  const onOperation = ({ args }: { args: { contextValue: unknown; document: Parameters<typeof operationOf>[0]; operationName?: string | null | undefined } }) => {
    const ctx = args.contextValue as { request?: Request; identity?: Identity };
    const operation = operationOf(args.document, args.operationName);
    describe(ctx.request, operation?.type ?? null, operation?.name ?? args.operationName ?? null, ctx.identity);
  };
  return {
    onRequest({ request }) {
      if (isGraphiqlPage(request)) return;
      const record = options.tracker?.start(requestIdOf(request));
      if (record) {
        // The request's SERVER span is active here (use-tracing's instrumentation wraps the whole request); none
        // when tracing is off.
        const span = trace.getSpan(context.active());
        if (span?.isRecording()) record.traceId = span.spanContext().traceId;
      }
      observed.set(request, { started: performance.now(), record, operationType: null, operationName: null, errorCodes: [] });
    },
    onParams({ request, params }) {
      // Named already, should validation refuse the operation before it executes.
      const state = observed.get(request);
      if (state && params.operationName) describe(request, state.operationType, params.operationName);
    },
    onExecute: onOperation,
    onSubscribe: onOperation,
    onExecutionResult({ request, result }) {
      const state = observed.get(request);
      if (state) state.errorCodes.push(...errorCodesOf(result));
    },
    onResponse({ request, response }) {
      const state = observed.get(request);
      if (!state) return;
      observed.delete(request);
      if (state.errorCodes.length === 0 && response.status >= 400) state.errorCodes.push(httpStatusCode(response.status));
      const outcome = state.errorCodes.length > 0 ? 'ERROR' : 'OK';
      if (state.record) options.tracker?.finish(state.record, outcome, state.errorCodes);
      const seconds = (performance.now() - state.started) / 1000;
      const type = state.operationType?.toLowerCase() ?? 'unknown';
      options.metrics?.request(type, state.operationName, outcome === 'OK' ? 'ok' : 'error', seconds);
      options.logger?.info(
        { operation_type: type, operation_name: state.operationName, outcome, status: response.status, duration_ms: Math.round(seconds * 10_000) / 10, error_codes: state.errorCodes.length > 0 ? [...new Set(state.errorCodes)] : undefined },
        'request served',
      );
    },
  };
}
