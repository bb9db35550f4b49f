/**
 * Subscription clients for tests, built on the real client libraries a frontend would use: graphql-sse
 * (distinct connections mode, as GraphiQL and most clients) and graphql-ws over `ws` (Node 20 has no global
 * WebSocket).
 */
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { AsyncQueue } from '#lib/async/async-queue.js';

export interface SubscriptionResult<TData = Record<string, any>> {
  data?: TData | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, any> }>;
}

export interface TestSubscription<TData = Record<string, any>> {
  /** SSE: resolves once the server answered, i.e. once the subscription is registered. */
  connected: Promise<void>;
  /** The next result; fails after `timeoutMs` (default 10 s) instead of hanging the test. */
  next(timeoutMs?: number): Promise<SubscriptionResult<TData>>;
  /** Resolves with 'complete' when the server ends the stream, or with the error it failed with. */
  ended: Promise<unknown>;
  /** Unsubscribes (closes the SSE connection / sends Complete over the socket). */
  dispose(): void;
}

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function queueSink<TData>(queue: AsyncQueue<SubscriptionResult<TData>>, settle: (outcome: unknown) => void) {
  return {
    next: (value: SubscriptionResult<TData>) => queue.push(value),
    error: (error: unknown) => {
      settle(error);
      queue.end({ error });
    },
    complete: () => {
      settle('complete');
      queue.end();
    },
  };
}

function nextOf<TData>(queue: AsyncQueue<SubscriptionResult<TData>>) {
  return async (timeoutMs = 10_000): Promise<SubscriptionResult<TData>> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no subscription result within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const result = await Promise.race([queue.take(), timeout]);
      if (result.done) throw new Error('the subscription ended');
      return result.value;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Subscribes over SSE (POST, `Accept: text/event-stream`) with the given headers. */
/**
 * `headers` may be a function of the body the client will send (graphql-sse sends JSON.stringify(operation) as it
 * is), for headers that must be signed over it, as a subgraph's identity header is.
 */
export function subscribeOverSse<TData = Record<string, any>>(
  url: string,
  operation: Operation,
  headers: Record<string, string> | ((body: string) => Record<string, string>) = {},
): TestSubscription<TData> {
  const queue = new AsyncQueue<SubscriptionResult<TData>>();
  let settle!: (outcome: unknown) => void;
  const ended = new Promise<unknown>((resolve) => (settle = resolve));
  let connected!: () => void;
  const isConnected = new Promise<void>((resolve) => (connected = resolve));
  // No retries: a test wants to see the first failure, not a reconnect.
  const sent = typeof headers === 'function' ? headers(JSON.stringify(operation)) : headers;
  const client = createSseClient({ url, headers: sent, retryAttempts: 0 });
  const dispose = client.subscribe<TData>(operation, queueSink(queue, settle), { connected: () => connected() });
  const connectedOrFailed = Promise.race([isConnected, ended.then((outcome) => Promise.reject(new Error(`never connected: ${String(outcome)}`)))]);
  // A test that expects a refusal never awaits `connected`: its rejection must not count as unhandled.
  connectedOrFailed.catch(() => undefined);
  return {
    connected: connectedOrFailed,
    next: nextOf(queue),
    ended,
    dispose: () => {
      dispose();
      client.dispose();
    },
  };
}

/** One graphql-ws connection; `subscribe` runs operations over it. */
export interface TestSocket {
  client: WsClient;
  subscribe<TData = Record<string, any>>(operation: Operation): TestSubscription<TData>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

export function connectOverWs(url: string, connectionParams: Record<string, unknown> = {}): TestSocket {
  let closedWith!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
  const client = createWsClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closedWith({ code, reason });
      },
    },
  });
  return {
    client,
    closed,
    subscribe<TData>(operation: Operation): TestSubscription<TData> {
      const queue = new AsyncQueue<SubscriptionResult<TData>>();
      let settle!: (outcome: unknown) => void;
      const ended = new Promise<unknown>((resolve) => (settle = resolve));
      const dispose = client.subscribe<TData>(operation, queueSink(queue, settle));
      return { connected: Promise.resolve(), next: nextOf(queue), ended, dispose };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}
