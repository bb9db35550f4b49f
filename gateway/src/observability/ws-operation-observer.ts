import { context, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { DocumentNode, GraphQLError } from 'graphql';
import type { Identity } from '#lib/auth/index.js';
import { runWithRequestId, SERVICE_ATTRIBUTE } from '#lib/telemetry/index.js';
import { RequestObservation, type RequestRecordingOptions } from './request-observation.js';
import { errorCodesOf, nameOperationSpan, operationOf } from './request-outcome.js';

/** One operation of a graphql-ws connection, observed from its subscribe message to its answer. */
export interface WsOperation {
  /** The parsed operation and its caller, once known. */
  describe(document: DocumentNode, operationName: string | null | undefined, identity: Identity | undefined): void;
  /** Runs execute or subscribe inside the operation's span and request id, so its fetches and log lines carry them. */
  run<T>(fn: () => T): T;
  /** The answer: a result, or an event stream, which counts as answered once the subscription is established (as over SSE). */
  answered(result: unknown): void;
  /** Refused before it ran (parse or validation errors). */
  refused(errors: readonly GraphQLError[]): void;
}

export interface WsOperationObserver {
  /** The operation's name as the subscribe message gives it: a refused operation is still named. */
  begin(requestId: string, operationName: string | null | undefined): WsOperation;
}

export interface WsObserverOptions {
  /** Tracing's tracer; absent when observability.tracing is off. */
  tracer?: Tracer | undefined;
  recording: RequestRecordingOptions;
}

/**
 * What use-tracing and use-request-recording do for an HTTP request, for each operation of a graphql-ws connection,
 * which runs outside yoga's request pipeline: a SERVER span (a new trace, as a WebSocket message carries no
 * traceparent), the operation in message tracking under the connection's request id, the request series and the
 * access log line.
 */
export function wsOperationObserver(options: WsObserverOptions): WsOperationObserver {
  return { begin: (requestId, operationName) => new ObservedWsOperation(requestId, operationName ?? null, options) };
}

class ObservedWsOperation implements WsOperation {
  private readonly span: Span | undefined;
  private readonly spanContext: Context;
  private readonly observation: RequestObservation;

  constructor(
    private readonly requestId: string,
    operationName: string | null,
    options: WsObserverOptions,
  ) {
    this.span = options.tracer?.startSpan('graphql', {
      kind: SpanKind.SERVER,
      attributes: { [SERVICE_ATTRIBUTE]: 'gateway', 'network.protocol.name': 'websocket', 'url.path': '/graphql' },
    });
    this.spanContext = this.span ? trace.setSpan(context.active(), this.span) : context.active();
    // Started inside the span: the tracked record names its trace.
    this.observation = context.with(this.spanContext, () => new RequestObservation(options.recording, requestId));
    this.observation.describe(null, operationName);
  }

  describe(document: DocumentNode, operationName: string | null | undefined, identity: Identity | undefined): void {
    const operation = operationOf(document, operationName);
    this.observation.describe(operation?.type ?? null, operation?.name ?? operationName ?? null, identity);
    if (this.span && operation) nameOperationSpan(this.span, operation);
  }

  run<T>(fn: () => T): T {
    return runWithRequestId(this.requestId, () => context.with(this.spanContext, fn));
  }

  answered(result: unknown): void {
    this.end(Symbol.asyncIterator in Object(result) ? [] : errorCodesOf(result));
  }

  refused(errors: readonly GraphQLError[]): void {
    this.end(errorCodesOf({ errors }));
  }

  private end(codes: string[]): void {
    this.observation.addErrors(codes);
    if (codes.length > 0) this.span?.setStatus({ code: SpanStatusCode.ERROR, message: [...new Set(codes)].join(', ') });
    // Logged inside the operation's context: the access log line carries its request and trace ids.
    this.run(() => this.observation.finish({ transport: 'graphql-ws' }));
    this.span?.end();
  }
}
