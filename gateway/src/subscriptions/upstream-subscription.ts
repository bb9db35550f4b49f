import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Agent, Dispatcher } from 'undici';
import { IDENTITY_HEADER, type Identity } from '#lib/auth/index.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import { AsyncQueue } from '#lib/async/async-queue.js';
import { injectTraceHeaders, REQUEST_ID_HEADER } from '#lib/telemetry/index.js';
import { describeFailure } from '../resilience/describe-failure.js';
import { readEventStream } from './event-stream.js';
import { tracerOf } from '#lib/telemetry/tracer-of.js';

export interface UpstreamRequest {
  /** The subgraph's name (errors name it) and the GraphQL URLs of its instances, in the order to try them. */
  subgraph: string;
  urls: readonly string[];
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  identity: Identity;
  /** The client request's id (use-request-id.ts), sent on as subgraph fetches send it. */
  requestId?: string | undefined;
  /** Signs each attempt for the subgraph, as every subgraph fetch is signed. */
  identities: GatewayIdentities;
  /** A pool of its own: a subscription holds its connection for as long as it lives. */
  dispatcher: Agent;
  /** How long the subgraph may take to answer before the subscription fails as SERVICE_UNAVAILABLE. */
  connectTimeoutMs: number;
}

/** A live subscription: yields the subgraph's results until it completes, fails or `return()` aborts it. */
export type UpstreamResult = AsyncIterableIterator<ExecutionResult> | ExecutionResult;

export function serviceUnavailable(subgraph: string, reason: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service is unavailable (${reason})`, { extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: subgraph } });
}

/** A subgraph's (already masked) error as a GraphQLError, so the gateway's error mask passes it on as it is. */
function fromSubgraph(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, { path: error.path, extensions: error.extensions });
}

function toResult(body: unknown): ExecutionResult {
  const { data, errors, extensions } = (body ?? {}) as {
    data?: Record<string, unknown> | null;
    errors?: GraphQLFormattedError[];
    extensions?: Record<string, unknown>;
  };
  return {
    ...(data !== undefined ? { data } : {}),
    ...(errors ? { errors: errors.map(fromSubgraph) } : {}),
    ...(extensions ? { extensions } : {}),
  };
}

/**
 * Sends a subscription to the subgraph that owns it over GraphQL over SSE (what yoga serves), signed with the
 * caller's identity as every subgraph fetch is. Resolves once the subgraph has answered, so the subscription is
 * registered there; a subgraph that is down, or a refusal before any event, comes back as one result.
 */
const tracer = () => tracerOf('gateway');

export async function subscribeUpstream(request: UpstreamRequest): Promise<UpstreamResult> {
  // A CLIENT span for the subscribe request, until the subgraph answers (the stream itself outlives any trace).
  const span = tracer().startSpan(`subscribe ${request.subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'hub.service': request.subgraph } });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
  };
  if (request.requestId) headers[REQUEST_ID_HEADER] = request.requestId;
  context.with(trace.setSpan(context.active(), span), () => injectTraceHeaders(headers));
  try {
    const result = await openOnAnInstance(request, headers, span);
    if (!(Symbol.asyncIterator in result)) span.setStatus({ code: SpanStatusCode.ERROR, message: result.errors?.[0]?.message ?? 'no stream' });
    return result;
  } finally {
    span.end();
  }
}

// Failures that mean the request never reached the instance: the next one may be tried without starting the
// subscription twice (a generation, say). A timeout or a reset after sending may have started it, so they are not.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

async function openOnAnInstance(request: UpstreamRequest, headers: Record<string, string>, span: Span): Promise<UpstreamResult> {
  if (request.urls.length === 0) return { errors: [serviceUnavailable(request.subgraph, 'circuit breaker open')] };
  let outcome: Connected | undefined;
  for (const url of request.urls) {
    span.setAttribute('url.full', url);
    outcome = await connect(url, request, headers);
    if (!outcome.unreached) break;
  }
  return outcome!.result;
}

interface Connected {
  result: UpstreamResult;
  /** The instance could not be reached: nothing was sent. */
  unreached?: boolean;
}

async function connect(url: string, request: UpstreamRequest, headers: Record<string, string>): Promise<Connected> {
  const abort = new AbortController();
  let release = () => {};
  const timer = setTimeout(() => abort.abort(new DOMException('connect timeout', 'TimeoutError')), request.connectTimeoutMs);
  let response: Dispatcher.ResponseData;
  try {
    // undici's request rather than fetch: Node streams without fetch's WHATWG layers, which cost about a
    // millisecond before the first byte of every subscription (bench/llm, time to first token).
    const { origin, pathname, search } = new URL(url);
    const path = `${pathname}${search}`;
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    // The user only: a subscription is no service's own work. Delegable for as long as the stream lives, so the
    // subgraph can ask the hub for the user (who runs this campaign?) as it does for a query; released below.
    const signed = request.identities.sign(
      { userId: request.identity.userId },
      { audience: request.subgraph, method: 'POST', path, body },
      { untilReleased: true },
    );
    release = () => request.identities.release(signed.jti);
    const { header } = signed;
    response = await request.dispatcher.request({
      origin,
      path,
      method: 'POST',
      signal: abort.signal,
      headers: { ...headers, [IDENTITY_HEADER]: header },
      body,
    });
  } catch (err) {
    const cause: unknown = abort.signal.aborted ? abort.signal.reason : err;
    const code = (cause as { code?: unknown } | null)?.code;
    release();
    return { result: { errors: [serviceUnavailable(request.subgraph, describeFailure(cause))] }, unreached: typeof code === 'string' && NOT_SENT.has(code) };
  } finally {
    clearTimeout(timer);
  }
  const header = response.headers['content-type'];
  const contentType = (Array.isArray(header) ? header[0] : header) ?? '';
  if (!contentType.includes('text/event-stream')) {
    release();
    const text = await response.body.text().catch(() => '');
    if (contentType.includes('json')) {
      try {
        return { result: toResult(JSON.parse(text)) };
      } catch {
        // Not JSON after all: reported below like any other unusable answer.
      }
    }
    return { result: { errors: [serviceUnavailable(request.subgraph, `HTTP ${response.statusCode}`)] } };
  }
  return { result: streamResults(response.body, abort, request.subgraph, release) };
}

// 1 s: a subgraph ends its response within a tick of `complete`; one still open after a second is not going to.
const DRAIN_MS = 1000;

/** The SSE body as results: `next` messages are results, `complete` ends; a broken stream ends with an error. */
function streamResults(body: AsyncIterable<Uint8Array>, abort: AbortController, subgraph: string, release: () => void): AsyncIterableIterator<ExecutionResult> {
  const results = new AsyncQueue<ExecutionResult>();
  void (async () => {
    let lost: string;
    let drain: NodeJS.Timeout | undefined;
    try {
      for await (const message of readEventStream(body)) {
        if (drain) continue;
        if (message.event === 'complete') {
          results.end();
          // Read on to the body's end (the subgraph ends it right after) instead of leaving the loop, which would
          // destroy the body mid-response and with it the keep-alive connection: the next subscription would then
          // wait for a new one (bench/llm, time to first token). A subgraph that keeps it open is cut after a while.
          drain = setTimeout(() => abort.abort(), DRAIN_MS);
          continue;
        }
        if (message.event === 'next') results.push(toResult(JSON.parse(message.data)));
      }
      if (drain) return clearTimeout(drain);
      lost = 'connection closed';
    } catch (err) {
      // Cut while draining: the results have all been queued already, and the client still reads them.
      if (drain) return clearTimeout(drain);
      if (abort.signal.aborted) return results.end({ discard: true });
      lost = describeFailure(err);
    }
    // The subgraph went away mid-subscription: the client hears why, then the subscription ends.
    results.push({ errors: [serviceUnavailable(subgraph, `subscription lost: ${lost}`)] });
    results.end();
    // However the stream ended, the subgraph may no longer act for its user.
  })().finally(release);
  const stop = () => {
    release();
    results.end({ discard: true });
    abort.abort();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => results.take(),
    return: () => {
      stop();
      return Promise.resolve({ done: true, value: undefined });
    },
    throw: (error: unknown) => {
      stop();
      return Promise.reject(error);
    },
  };
}
