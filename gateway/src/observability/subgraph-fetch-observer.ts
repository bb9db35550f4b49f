import { context, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { currentRequestId } from '#lib/telemetry/index.js';
import type { AttemptInfo, AttemptObserver } from '../resilience/attempt-observer.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { RequestTracker } from './request-tracker.js';
import type { TrackedOutcome, RequestRecord } from './tracked-request.js';

/** How a subgraph fetch ended, as SubgraphDataSource read it. */
export interface FetchResult {
  outcome: TrackedOutcome;
  errorCodes: string[];
}

/** One subgraph fetch being watched: its attempts (AttemptObserver), then its end. */
export interface FetchObservation extends AttemptObserver {
  /** Runs the fetch with its span active, so that attempt spans are its children. */
  run<T>(fetch: () => Promise<T>): Promise<T>;
  /** An identical fetch in flight for another request answered this one: nothing was sent for it. */
  shared(): void;
  end(result: FetchResult): void;
}

export interface SubgraphFetchObserver {
  start(service: string, operationName: string | null): FetchObservation;
}

export interface FetchObserverOptions {
  tracer: Tracer;
  /** Absent: observability.metrics is off. */
  metrics?: GatewayMetrics | undefined;
  /** Absent: observability.tracking is off. */
  tracker?: RequestTracker | undefined;
}

/**
 * Tracing, metrics and message tracking of the gateway's subgraph fetches, in one place SubgraphDataSource calls: a CLIENT
 * span per fetch (a child of the client request's span, or of whatever span is active, such as a transaction's)
 * and one per attempt under it, carrying the instance and attempt number, inside which the attempt is sent (so its
 * traceparent names the attempt); the fetch's duration and outcome and its retries as metrics; and the fetch in the
 * tracked record of the request in flight (found by lib/telemetry's request id, so the hub's own calls made for a
 * request, such as a transaction's protocol, are listed under it too).
 */
export function subgraphFetchObserver(options: FetchObserverOptions): SubgraphFetchObserver {
  return { start: (service, operationName) => new Observation(service, operationName, options) };
}

class Observation implements FetchObservation {
  private readonly startedAt = new Date();
  private readonly started = performance.now();
  private readonly span: Span;
  private readonly spanContext: Context;
  private readonly request: RequestRecord | undefined;
  private attempts = 0;
  private instance: string | null = null;
  private httpStatus: number | null = null;
  private sharedAnswer = false;

  constructor(
    private readonly service: string,
    private readonly operationName: string | null,
    private readonly options: FetchObserverOptions,
  ) {
    this.span = options.tracer.startSpan(`fetch ${service}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'hub.service': service, ...(operationName ? { 'graphql.operation.name': operationName } : {}) },
    });
    this.spanContext = trace.setSpan(context.active(), this.span);
    this.request = options.tracker?.active(currentRequestId());
  }

  run<T>(fetch: () => Promise<T>): Promise<T> {
    return context.with(this.spanContext, fetch);
  }

  shared(): void {
    this.sharedAnswer = true;
    this.span.setAttribute('hub.shared', true);
  }

  async attempt<T extends { status: number }>(info: AttemptInfo, send: () => Promise<T>): Promise<T> {
    this.attempts = info.number;
    this.instance = info.instance;
    if (info.number > 1) this.options.metrics?.retry(this.service);
    const span = this.options.tracer.startSpan(
      `attempt ${info.number} ${this.service}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'hub.service': this.service, 'hub.attempt': info.number, 'url.full': info.instance, 'http.request.method': 'POST' },
      },
      this.spanContext,
    );
    try {
      const response = await context.with(trace.setSpan(this.spanContext, span), send);
      this.httpStatus = response.status;
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` });
      return response;
    } catch (err) {
      this.httpStatus = null;
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
      throw err;
    } finally {
      span.end();
    }
  }

  end(result: FetchResult): void {
    const durationMs = performance.now() - this.started;
    this.span.setAttribute('hub.attempts', this.attempts);
    if (result.outcome === 'ERROR') this.span.setStatus({ code: SpanStatusCode.ERROR, message: result.errorCodes.join(', ') });
    this.span.end();
    this.options.metrics?.fetch(this.service, result.outcome === 'OK' ? 'ok' : 'error', durationMs / 1000);
    this.options.tracker?.addFetch(this.request, {
      service: this.service,
      instance: this.instance,
      operationName: this.operationName,
      startedAt: this.startedAt,
      durationMs,
      outcome: result.outcome,
      httpStatus: this.httpStatus,
      attempts: this.attempts,
      shared: this.sharedAnswer,
      errorCodes: [...new Set(result.errorCodes)],
    });
  }
}
