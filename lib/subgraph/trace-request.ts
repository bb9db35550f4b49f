import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { contextFromHeaders } from '../telemetry/trace-headers.js';
import { REQUEST_ID_HEADER, runWithRequestId } from '../telemetry/request-context.js';
import { SERVICE_ATTRIBUTE } from '../telemetry/span-record.js';
import { tracerOf } from '../telemetry/tracer-of.js';

const tracer = () => tracerOf('dnd-tools/subgraph');

// 200 characters at most, as the subgraphs' event metadata (correlationId) takes it: the same value then ties a
// request's log lines, spans and events together. Longer or blank ones are replaced by a new id.
const MAX_REQUEST_ID = 200;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `/graphql`, or a route's first segment (`/images`): span names stay few whatever ids the paths carry. */
function route(path: string): string {
  if (path === '/graphql') return path;
  const end = path.indexOf('/', 1);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * Serves one request as part of the caller's trace and request: its x-request-id (or a new one) is the request id
 * of everything `handle` does and is sent back; its traceparent parents the SERVER span that ends with the response.
 */
export function traceRequest(service: string, req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): void {
  const given = header(req, REQUEST_ID_HEADER)?.trim();
  const requestId = given && given.length <= MAX_REQUEST_ID ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const parent = contextFromHeaders((name) => header(req, name));
  const path = (req.url ?? '/').split('?', 1)[0]!;
  runWithRequestId(
    requestId,
    () =>
      tracer().startActiveSpan(
        `${req.method ?? 'GET'} ${route(path)}`,
        { kind: SpanKind.SERVER, attributes: { [SERVICE_ATTRIBUTE]: service, 'http.request.method': req.method ?? 'GET', 'url.path': path } },
        parent,
        (span) => {
          res.once('close', () => {
            span.setAttribute('http.response.status_code', res.statusCode);
            if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${res.statusCode}` });
            // A response closed before it was complete: the caller gave up (timeout, a cancelled subscription).
            if (!res.writableFinished) span.setAttribute('http.aborted', true);
            span.end();
          });
          void handle();
        },
      ),
    service,
  );
}

/** Names the request's span for its GraphQL operation (a gateway fetch's `CreateCharacter__character__0`). */
export function nameRequestSpan(operationName: string): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.updateName(`graphql ${operationName}`);
  span.setAttribute('graphql.operation.name', operationName);
}
