import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { postOperation } from './http-request.js';
import { operationOf } from './operation.js';
import { retryPolicy, withRateLimitRetry, type RateLimitRetryOptions } from './rate-limit-retry.js';
import { failure, type Result } from './result.js';
import { sseSubscription } from './sse-subscription.js';
import { withSubscriptionRetry } from './subscription-retry.js';
import { WsConnection } from './ws-connection.js';

/** A bearer token, or a function asked before every request (and every WebSocket connection): for refreshing ones. */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface DndClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql (relative URLs work in a browser page). */
  url: string;
  /** Sent as `Authorization: Bearer <token>`; none: an anonymous caller (which the platform refuses for most fields). */
  token?: TokenSource;
  /** Extra headers on every HTTP request and SSE subscription. */
  headers?: Record<string, string>;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Transport of `subscribe` unless a call says otherwise. Default 'sse': plain HTTP, no extra class needed. */
  subscriptions?: 'sse' | 'ws';
  /** The WebSocket class for 'ws' subscriptions: `import WebSocket from 'ws'` in Node 20; browsers have their own. */
  webSocketImpl?: unknown;
  /** Default: `url` with http(s) turned into ws(s). */
  wsUrl?: string;
  /**
   * Per HTTP request. Default 65 000: the gateway ends a request itself after its request_timeout (60 s in
   * hub.yaml) with SERVICE_UNAVAILABLE; this only catches a gateway that never answers.
   */
  timeoutMs?: number;
  /** Waiting and retrying on RATE_LIMITED (default: up to 3 attempts, waits up to 60 s). */
  rateLimit?: RateLimitRetryOptions;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  timeoutMs?: number;
  rateLimit?: RateLimitRetryOptions;
}

export interface SubscribeOptions {
  /** Unsubscribes (a textGeneration is then cancelled at the provider); the stream ends with an ABORTED failure. */
  signal?: AbortSignal;
  transport?: 'sse' | 'ws';
  rateLimit?: RateLimitRetryOptions;
}

/** Variables may be left out when the operation has no required ones. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T` is the test that every property of T is optional; no value is typed `{}`
type Args<TVariables, TOptions> = {} extends TVariables ? [variables?: TVariables, options?: TOptions] : [variables: TVariables, options?: TOptions];

export interface DndClient {
  /** A query or mutation over HTTP POST; never throws for GraphQL or transport failures. */
  request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...args: Args<TVariables, RequestOptions>): Promise<Result<TData>>;
  /**
   * A subscription: every event as a Result; the stream ends when the server completes it, and a failure (refused,
   * unreachable, dropped, aborted) is its last item. Breaking out of `for await` unsubscribes.
   */
  subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...args: Args<TVariables, SubscribeOptions>): AsyncGenerator<Result<TData>>;
  /** Closes the WebSocket connection, if one was opened. */
  dispose(): Promise<void>;
}

function webSocketUrl(url: string): string {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const parsed = new URL(url, base);
  parsed.protocol = parsed.protocol === 'https:' ? 'wss:' : 'ws:';
  return parsed.toString();
}

const DEFAULT_TIMEOUT_MS = 65_000;

/** The typed client of the platform: no framework, the same code in Node scripts and in browser pages. */
export function createDndClient(options: DndClientOptions): DndClient {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const authorization = async (): Promise<string | undefined> => {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    return token ? `Bearer ${token}` : undefined;
  };
  const headersFor = async (extra?: Record<string, string>): Promise<Record<string, string>> => {
    const value = await authorization();
    return { ...options.headers, ...extra, ...(value ? { authorization: value } : {}) };
  };
  let ws: WsConnection | undefined;

  return {
    async request(document, ...[variables, call]) {
      const operation = operationOf(document);
      const policy = retryPolicy({ ...options.rateLimit, ...call?.rateLimit });
      const timeoutMs = call?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      return withRateLimitRetry(
        async () =>
          postOperation({
            url: options.url,
            operation,
            variables,
            headers: await headersFor(call?.headers),
            fetch: fetchImpl,
            timeoutMs,
            signal: call?.signal,
          }),
        policy,
        operation.operationName,
        call?.signal,
      );
    },

    subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...[variables, call]: Args<TVariables, SubscribeOptions>) {
      const operation = operationOf(document);
      const policy = retryPolicy({ ...options.rateLimit, ...call?.rateLimit });
      const signal = call?.signal;
      const transport = call?.transport ?? options.subscriptions ?? 'sse';
      const open = (): AsyncGenerator<Result<TData>> => {
        if (transport === 'sse')
          return sseSubscription<TData>({ url: options.url, operation, variables, headers: () => headersFor(), fetch: fetchImpl, signal });
        try {
          ws ??= new WsConnection({ url: options.wsUrl ?? webSocketUrl(options.url), webSocketImpl: options.webSocketImpl, authorization });
        } catch (err) {
          return (async function* () {
            yield failure({ code: 'NETWORK_ERROR', message: `no WebSocket URL for ${options.url}: ${(err as Error).message}` });
          })();
        }
        return ws.subscribe<TData>(operation, variables, signal);
      };
      return withSubscriptionRetry(open, policy, operation.operationName, signal);
    },

    async dispose() {
      await ws?.dispose();
      ws = undefined;
    },
  };
}
