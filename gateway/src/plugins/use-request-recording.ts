import type { Plugin } from 'graphql-yoga';
import type { Identity } from '../../../lib/auth/index.js';
import { errorCodesOf, httpStatusCode, isGraphiqlPage, operationOf } from '../observability/request-outcome.js';
import { RequestObservation, type RequestRecordingOptions } from '../observability/request-observation.js';
import { requestIdOf } from './use-request-id.js';

export type { RequestRecordingOptions } from '../observability/request-observation.js';

/**
 * Each client HTTP request's operation and outcome, once, for what records them (request-observation.ts): message
 * tracking, the request series and the access log line. The outcome is read from the answer: ERROR when it carries
 * errors (their codes kept) or the request was refused (HTTP 4xx/5xx). Operations of graphql-ws connections have
 * no HTTP request of their own; ws-server.ts observes them.
 * Before useAuth in the plugin list, so that a refused token is counted too.
 */
export function useRequestRecording(options: RequestRecordingOptions): Plugin {
  const observed = new WeakMap<Request, RequestObservation>();
  const onOperation = ({ args }: { args: { contextValue: unknown; document: Parameters<typeof operationOf>[0]; operationName?: string | null | undefined } }) => {
    const ctx = args.contextValue as { request?: Request; identity?: Identity };
    const observation = ctx.request && observed.get(ctx.request);
    if (!observation) return;
    const operation = operationOf(args.document, args.operationName);
    observation.describe(operation?.type ?? null, operation?.name ?? args.operationName ?? null, ctx.identity);
  };
  return {
    onRequest({ request }) {
      if (isGraphiqlPage(request)) return;
      // The request's SERVER span is active here (use-tracing's instrumentation wraps the whole request).
      observed.set(request, new RequestObservation(options, requestIdOf(request)));
    },
    onParams({ request, params }) {
      // Named already, should validation refuse the operation before it executes.
      const observation = observed.get(request);
      if (observation && params.operationName) observation.describe(observation.type, params.operationName);
    },
    onExecute: onOperation,
    onSubscribe: onOperation,
    onExecutionResult({ request, result }) {
      observed.get(request)?.addErrors(errorCodesOf(result));
    },
    onResponse({ request, response }) {
      const observation = observed.get(request);
      if (!observation) return;
      observed.delete(request);
      if (!observation.hasErrors && response.status >= 400) observation.addErrors([httpStatusCode(response.status)]);
      observation.finish({ status: response.status });
    },
  };
}
