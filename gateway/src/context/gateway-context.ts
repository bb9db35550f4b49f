import type { Span } from '@opentelemetry/api';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Identity } from '#lib/auth/index.js';
import type { Priority } from '#lib/config/resilience-config.js';
import { REQUEST_ID_HEADER } from '#lib/telemetry/request-context.js';
import type { RequestObservation } from '../observability/request-observation.js';
import { acceptRequestId } from './request-id.js';

/** What the hub's policies need to know about a client request; SubgraphDataSource reads it for every fetch. */
export interface RequestPolicy {
  /** Queue order in a busy service's bulkhead: interactive before batch. */
  priority: Priority;
  /** Epoch ms after which no subgraph attempt, retry or wait in a queue goes on (message_hub.request_timeout). */
  deadline: number;
  /** The client's `idempotency-key` header: its mutations may then be retried. */
  idempotencyKey?: string;
}

/**
 * Everything the gateway knows about one request, made once when the request reaches yoga (or, for graphql-ws, once
 * per operation) and put in the GraphQL context as it is: `FetchContext` (data-source) is a subset of it.
 */
export interface GatewayContext {
  /** The client's x-request-id when usable, else a new UUID (a graphql-ws connection's operations share one). */
  requestId: string;
  /** Who calls (use-auth); anonymous until authenticated. */
  identity: Identity;
  /** Set when the operation is known (use-request-policy): priority, deadline and idempotency key. */
  requestPolicy?: RequestPolicy | undefined;
  /** Epoch ms of arrival: the deadline counts from here, parsing and validation included. */
  arrivedAt: number;
  /** performance.now() at arrival: Server-Timing's total, which a wall-clock step must not skew. */
  arrivedAtMonotonic: number;
  /** The request's SERVER span (use-tracing), when tracing is on. */
  span?: Span | undefined;
  /** True once the span failed with the answer's error codes, a better message than the HTTP status. */
  spanFailed?: boolean;
  /** Message tracking, the request series and the access log line of an HTTP request (use-request-recording). */
  tracking?: RequestObservation | undefined;
}

// yoga's instrumentation and its onRequest/onParams/onResponse hooks are handed the Request, not the GraphQL
// context: this is the one link from a Request to its context, so that every hook reads the same object.
const contexts = new WeakMap<Request, GatewayContext>();

/** `request`'s context, made on first use with what the request itself says (its x-request-id). */
export function gatewayContextOf(request: Request): GatewayContext {
  let context = contexts.get(request);
  if (!context) {
    context = createGatewayContext({ requestId: acceptRequestId(request.headers.get(REQUEST_ID_HEADER)) });
    contexts.set(request, context);
  }
  return context;
}

/** A context for a request whose id and caller are already known (a graphql-ws operation); bound to `request`. */
export function bindGatewayContext(request: Request, known: Pick<GatewayContext, 'requestId' | 'identity'>): GatewayContext {
  const context = createGatewayContext(known);
  contexts.set(request, context);
  return context;
}

const ANONYMOUS: Identity = Object.freeze({ userId: null });

function createGatewayContext(known: Pick<GatewayContext, 'requestId'> & Partial<Pick<GatewayContext, 'identity'>>): GatewayContext {
  return { requestId: known.requestId, identity: known.identity ?? ANONYMOUS, arrivedAt: Date.now(), arrivedAtMonotonic: performance.now() };
}

/** What node's http server hands yoga besides the Request: nothing the gateway's plugins read. */
export type ServerContext = Record<string, never>;

/** The gateway's yoga: HTTP and graphql-ws (ws-server.ts) run operations through its one envelop pipeline. */
export type GatewayYoga = YogaServerInstance<ServerContext, GatewayContext>;
