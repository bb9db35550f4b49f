import type { Dispatcher } from 'undici';
import { EMPTY_BODY_HASH, IDENTITY_HEADER, type Identity } from '#lib/auth/index.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import type { RecentTraces, SpanRecord, TraceSummary } from '#lib/telemetry/index.js';

/** Hub.trace's Span: a SpanRecord of any process. */
export type SpanView = SpanRecord;

/** Hub.trace's answer: the spans of every process that still holds some, and the instances that could not say. */
export interface TraceView {
  traceId: string;
  spans: SpanRecord[];
  unreachable: string[];
}

export interface TraceReaderOptions {
  /** The gateway's own recent traces (lib/telemetry startTracing). */
  recent: RecentTraces;
  /** Every subgraph instance the hub routes to now (the service registry): its service and GraphQL URL. */
  instances: () => Array<{ service: string; url: string }>;
  /** Signs the operator's identity for each subgraph's /traces, as every subgraph fetch is signed. */
  identities: GatewayIdentities;
  dispatcher: Dispatcher;
  /** Per instance; default 2 s. */
  timeoutMs?: number;
}

// 2 s: a process answers /traces from memory in milliseconds; an instance slower than that is stuck, and the
// operator gets the rest of the trace (with the instance named in `unreachable`) rather than a long wait.
const DEFAULT_TIMEOUT_MS = 2_000;

export const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * The hub's Query fields over traces: one trace gathered from the gateway's own RecentTraces and the GET /traces of
 * every subgraph instance in the service registry (lib/telemetry/traces-route.ts), asked at once; the recent
 * traces list is the gateway's own (every client request starts there).
 */
export class TraceReader {
  constructor(private readonly options: TraceReaderOptions) {}

  recent(first: number): TraceSummary[] {
    return this.options.recent.traces(first);
  }

  /** Null when no process holds a span of it. */
  async trace(traceId: string, identity: Identity): Promise<TraceView | null> {
    const seen = new Set<string>();
    const instances = this.options.instances().filter(({ url }) => !seen.has(url) && seen.add(url));
    const remote = await Promise.all(instances.map((instance) => this.remoteSpans(instance, traceId, identity)));
    const bySpanId = new Map<string, SpanRecord>();
    for (const span of this.options.recent.spans(traceId)) bySpanId.set(span.spanId, span);
    const unreachable: string[] = [];
    remote.forEach((spans, index) => {
      if (spans === null) unreachable.push(instances[index]?.url ?? '');
      else for (const span of spans) bySpanId.set(span.spanId, span);
    });
    if (bySpanId.size === 0) return null;
    // ISO timestamps of one clock sort as text; processes share the machine's (or NTP's) clock.
    const spans = [...bySpanId.values()].sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0));
    return { traceId, spans, unreachable };
  }

  /** The instance's spans of the trace; null when it could not be asked (down, slow, refused). */
  private async remoteSpans(instance: { service: string; url: string }, traceId: string, identity: Identity): Promise<SpanRecord[] | null> {
    try {
      const url = new URL(`/traces?traceId=${traceId}`, instance.url);
      const path = `${url.pathname}${url.search}`;
      const { header } = this.options.identities.sign(identity, { audience: instance.service, method: 'GET', path, body: '' }, { hash: EMPTY_BODY_HASH });
      const response = await this.options.dispatcher.request({
        origin: url.origin,
        path,
        method: 'GET',
        headers: { [IDENTITY_HEADER]: header, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      const body = (await response.body.json().catch(() => undefined)) as { spans?: unknown } | undefined;
      if (response.statusCode !== 200 || !Array.isArray(body?.spans)) return null;
      return body.spans as SpanRecord[];
    } catch {
      return null;
    }
  }
}
