import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** One finished span as the hub's Query fields and /traces show it. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  /** null for the trace's root; a parent may live in another process (the caller that sent traceparent). */
  parentSpanId: string | null;
  name: string;
  service: string;
  kind: 'SERVER' | 'CLIENT' | 'INTERNAL' | 'PRODUCER' | 'CONSUMER';
  /** ISO 8601. */
  startTime: string;
  durationMs: number;
  status: 'UNSET' | 'OK' | 'ERROR';
  statusMessage: string | null;
  attributes: Record<string, string | number | boolean>;
}

/** One trace as this process saw it: its root (or earliest local) span, its extent and whether anything failed. */
export interface TraceSummary {
  traceId: string;
  rootName: string;
  service: string;
  startTime: string;
  durationMs: number;
  spanCount: number;
  error: boolean;
}

/**
 * The span attribute that names the service a span belongs to when it differs from the process's resource: tests
 * (and the embedded bench) run the gateway and several subgraphs in one process, where the resource names only the
 * first. A span without it belongs to its local parent's service, or to the process's.
 */
export const SERVICE_ATTRIBUTE = 'service.name';

const KINDS: Record<SpanKind, SpanRecord['kind']> = {
  [SpanKind.INTERNAL]: 'INTERNAL',
  [SpanKind.SERVER]: 'SERVER',
  [SpanKind.CLIENT]: 'CLIENT',
  [SpanKind.PRODUCER]: 'PRODUCER',
  [SpanKind.CONSUMER]: 'CONSUMER',
};

const STATUSES: Record<SpanStatusCode, SpanRecord['status']> = {
  [SpanStatusCode.UNSET]: 'UNSET',
  [SpanStatusCode.OK]: 'OK',
  [SpanStatusCode.ERROR]: 'ERROR',
};

/** Resource's service.name; the `service` argument of startTracing. */
export function resourceService(span: ReadableSpan): string {
  const name = span.resource.attributes[SERVICE_ATTRIBUTE];
  return typeof name === 'string' ? name : 'unknown';
}

/** Converted when read, not when the span ends: reads are rare, ends are on every request's path. */
export function toSpanRecord(span: ReadableSpan, service: string): SpanRecord {
  const context = span.spanContext();
  const attributes: SpanRecord['attributes'] = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attributes[key] = value;
    else if (Array.isArray(value)) attributes[key] = value.join(',');
  }
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    service,
    kind: KINDS[span.kind],
    startTime: new Date(hrTimeToMilliseconds(span.startTime)).toISOString(),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: STATUSES[span.status.code],
    statusMessage: span.status.message ?? null,
    attributes,
  };
}
