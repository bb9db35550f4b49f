import type { Plugin } from 'graphql-yoga';
import { gatewayContextOf, type GatewayContext } from '../context/gateway-context.js';
import { errorCodesOf, httpStatusCode, isGraphiqlPage, operationOf } from '../observability/request-outcome.js';
import { RequestObservation, type RequestRecordingOptions } from '../observability/request-observation.js';

export type { RequestRecordingOptions } from '../observability/request-observation.js';

type OperationArgs = { args: { contextValue: GatewayContext; document: Parameters<typeof operationOf>[0]; operationName?: string | null | undefined } };

/**
 * Each client HTTP request's operation and outcome, once, for what records them (request-observation.ts, kept as
 * GatewayContext.tracking): message tracking, the request series and the access log line. The outcome is read from
 * the answer: ERROR when it carries errors (their codes kept) or the request was refused (HTTP 4xx/5xx). Operations
 * of graphql-ws connections have no HTTP request of their own; ws-server.ts observes them.
 * Before useAuth in the plugin list, so that a refused token is counted too.
 */
export function useRequestRecording(options: RequestRecordingOptions): Plugin<GatewayContext> {
  const onOperation = ({ args }: OperationArgs) => {
    const { tracking, identity } = args.contextValue;
    if (!tracking) return;
    const operation = operationOf(args.document, args.operationName);
    tracking.describe(operation?.type ?? null, operation?.name ?? args.operationName ?? null, identity);
  };
  return {
    onRequest({ request }) {
      if (isGraphiqlPage(request)) return;
      // The request's SERVER span is active here (use-tracing's instrumentation wraps the whole request).
      const gateway = gatewayContextOf(request);
      gateway.tracking = new RequestObservation(options, gateway.requestId);
    },
    onParams({ request, params }) {
      // Named already, should validation refuse the operation before it executes.
      const { tracking } = gatewayContextOf(request);
      if (tracking && params.operationName) tracking.describe(tracking.type, params.operationName);
    },
    onExecute: onOperation,
    onSubscribe: onOperation,
    onExecutionResult({ request, result }) {
      gatewayContextOf(request).tracking?.addErrors(errorCodesOf(result));
    },
    onResponse({ request, response }) {
      const gateway = gatewayContextOf(request);
      const { tracking } = gateway;
      if (!tracking) return;
      gateway.tracking = undefined;
      if (!tracking.hasErrors && response.status >= 400) tracking.addErrors([httpStatusCode(response.status)]);
      tracking.finish({ status: response.status });
    },
  };
}
