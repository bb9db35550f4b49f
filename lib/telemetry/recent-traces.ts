import { SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds, ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { resourceService, SERVICE_ATTRIBUTE, toSpanRecord, type SpanRecord, type TraceSummary } from './span-record.js';

/**
 * 2000 spans: far above what one request makes (a gateway request with a dozen subgraph fetches, their SQL and a
 * gateway-client call is under a hundred), low enough that one runaway trace (a 200-item batch with its retries) cannot
 * hold more memory than a few hundred ordinary ones. Later spans of such a trace are dropped, earlier ones kept.
 */
const MAX_SPANS_PER_TRACE = 2000;

/**
 * The spans of this process's last `keepTraces` traces, in memory: what the hub's Query fields read in the
 * embedded default, where no collector runs. A trace is dropped whole, oldest (first seen) first, so a trace is
 * either complete or absent, never half-kept.
 */
export class RecentTraces implements SpanExporter {
  private readonly byTrace = new Map<string, ReadableSpan[]>();

  constructor(readonly keepTraces: number) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    for (const span of spans) this.add(span);
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  /** Stores one ended span; what export() does per span, callable without its callback on the hot path. */
  add(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    let list = this.byTrace.get(traceId);
    if (!list) {
      if (this.byTrace.size >= this.keepTraces) {
        // Map iteration is insertion order: the first key is the oldest trace.
        const oldest = this.byTrace.keys().next().value;
        if (oldest !== undefined) this.byTrace.delete(oldest);
      }
      this.byTrace.set(traceId, (list = []));
    }
    if (list.length < MAX_SPANS_PER_TRACE) list.push(span);
  }

  /** The spans of one trace kept here, earliest first; [] for a trace this process never saw or already dropped. */
  spans(traceId: string): SpanRecord[] {
    const list = this.byTrace.get(traceId);
    if (!list) return [];
    const tree = localTree(list);
    return inTreeOrder(list, tree).map((span) => toSpanRecord(span, tree.service.get(span) ?? resourceService(span)));
  }

  /** The `limit` most recent traces, newest first (of two started in the same millisecond, the one seen last). */
  traces(limit: number): TraceSummary[] {
    const summaries = [...this.byTrace].reverse().map(([traceId, list]) => summarise(traceId, list));
    // Array.prototype.sort is stable: equal start times keep the newest-seen-first order.
    summaries.sort((a, b) => (a.startTime < b.startTime ? 1 : a.startTime > b.startTime ? -1 : 0));
    return summaries.slice(0, Math.max(0, limit));
  }

  get size(): number {
    return this.byTrace.size;
  }

  clear(): void {
    this.byTrace.clear();
  }

  async shutdown(): Promise<void> {
    this.byTrace.clear();
  }

  async forceFlush(): Promise<void> {}
}

interface LocalTree {
  /** Local ancestors of each span: 0 for a root, or for a span whose parent lives in another process. */
  depth: Map<ReadableSpan, number>;
  service: Map<ReadableSpan, string>;
}

/**
 * Each span's depth among this process's spans and its service: its own service.name attribute, else its local
 * parent's, else the process's resource.
 */
function localTree(list: ReadableSpan[]): LocalTree {
  const bySpanId = new Map(list.map((span) => [span.spanContext().spanId, span]));
  const tree: LocalTree = { depth: new Map(), service: new Map() };
  const visit = (span: ReadableSpan, guard: number): void => {
    if (tree.depth.has(span)) return;
    const parent = span.parentSpanContext ? bySpanId.get(span.parentSpanContext.spanId) : undefined;
    // guard bounds a malformed cycle of parent ids; a real trace is a tree.
    if (parent && guard < list.length) visit(parent, guard + 1);
    const own = span.attributes[SERVICE_ATTRIBUTE];
    tree.depth.set(span, parent ? (tree.depth.get(parent) ?? 0) + 1 : 0);
    tree.service.set(span, typeof own === 'string' ? own : parent ? (tree.service.get(parent) ?? resourceService(span)) : resourceService(span));
  };
  for (const span of list) visit(span, 0);
  return tree;
}

/**
 * Earliest first; spans started in the same millisecond (span clocks are Date.now()) parents before children, so
 * the first is the trace's root or its earliest local span.
 */
function inTreeOrder(list: ReadableSpan[], tree: LocalTree): ReadableSpan[] {
  return [...list].sort((a, b) => hrTimeToMilliseconds(a.startTime) - hrTimeToMilliseconds(b.startTime) || (tree.depth.get(a) ?? 0) - (tree.depth.get(b) ?? 0));
}

/**
 * Summarised from its root: the span without a parent or, when the root lives in another process (a subgraph's
 * trace continues the gateway's), the earliest local span.
 */
function summarise(traceId: string, list: ReadableSpan[]): TraceSummary {
  const tree = localTree(list);
  const ordered = inTreeOrder(list, tree);
  const root = ordered.find((span) => !span.parentSpanContext) ?? ordered[0]!;
  let start = Infinity;
  let end = -Infinity;
  let error = false;
  for (const span of list) {
    start = Math.min(start, hrTimeToMilliseconds(span.startTime));
    end = Math.max(end, hrTimeToMilliseconds(span.endTime));
    if (span.status.code === SpanStatusCode.ERROR) error = true;
  }
  return {
    traceId,
    rootName: root.name,
    service: tree.service.get(root) ?? resourceService(root),
    startTime: new Date(start).toISOString(),
    durationMs: end - start,
    spanCount: list.length,
    error,
  };
}
