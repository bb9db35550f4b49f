import { context, trace } from '@opentelemetry/api';
import type { Identity } from '#lib/auth/index.js';
import type { Logger } from '#lib/telemetry/index.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { RequestTracker } from './request-tracker.js';
import type { RequestRecord, TrackedOperationType } from './tracked-request.js';

export interface RequestRecordingOptions {
  /** Message tracking; absent when observability.tracking is off. */
  tracker?: RequestTracker | undefined;
  /** Absent when observability.metrics is off. */
  metrics?: GatewayMetrics | undefined;
  /** One line per request (lib/telemetry's logger adds its request and trace ids). */
  logger?: Logger | undefined;
}

/**
 * One client operation as it goes, until its answer is ready, whatever carried it (an HTTP request, or an operation
 * of a graphql-ws connection): its record in message tracking (which its subgraph fetches join), then the
 * graphql_requests_total and duration series and the access log line, once. Started with the span of the request
 * active, so that the record names its trace.
 */
export class RequestObservation {
  private readonly started = performance.now();
  private readonly record: RequestRecord | undefined;
  private operationType: TrackedOperationType | null = null;
  private operationName: string | null = null;
  private readonly errorCodes: string[] = [];
  private finished = false;

  constructor(
    private readonly options: RequestRecordingOptions,
    requestId: string,
  ) {
    this.record = options.tracker?.start(requestId);
    if (!this.record) return;
    const span = trace.getSpan(context.active());
    if (span?.isRecording()) this.record.traceId = span.spanContext().traceId;
  }

  describe(type: TrackedOperationType | null, name: string | null, identity?: Identity): void {
    this.operationType = type;
    this.operationName = name;
    if (!this.record) return;
    this.record.operationType = type;
    this.record.operationName = name;
    if (identity) this.record.userId = identity.userId;
  }

  get type(): TrackedOperationType | null {
    return this.operationType;
  }

  get hasErrors(): boolean {
    return this.errorCodes.length > 0;
  }

  addErrors(codes: readonly string[]): void {
    this.errorCodes.push(...codes);
  }

  /** The answer is ready; `fields` go on the access log line (the HTTP status, the transport). Only the first call counts. */
  finish(fields: Record<string, unknown>): void {
    if (this.finished) return;
    this.finished = true;
    const outcome = this.errorCodes.length > 0 ? 'ERROR' : 'OK';
    if (this.record) this.options.tracker?.finish(this.record, outcome, this.errorCodes);
    const seconds = (performance.now() - this.started) / 1000;
    const type = this.operationType?.toLowerCase() ?? 'unknown';
    this.options.metrics?.request(type, this.operationName, outcome === 'OK' ? 'ok' : 'error', seconds);
    this.options.logger?.info(
      {
        operation_type: type,
        operation_name: this.operationName,
        outcome,
        ...fields,
        duration_ms: Math.round(seconds * 10_000) / 10,
        error_codes: this.errorCodes.length > 0 ? [...new Set(this.errorCodes)] : undefined,
      },
      'request served',
    );
  }
}
