import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { CloseCode, createClient, type Client } from 'graphql-ws';
import { REQUEST_ID_HEADER } from './http-request.js';
import type { Operation } from './operation.js';
import { failure, graphqlFailure, streamResult, type Failure, type Result } from './result.js';

export interface WsConnectionOptions {
  /** ws:// or wss:// URL of the gateway's /graphql. */
  url: string;
  /** The WebSocket class: `ws` in Node 20 (no global WebSocket); the global one when absent. */
  webSocketImpl: unknown;
  /** Sent as connectionParams once per connection: the gateway reads `authorization` there. */
  authorization: () => Promise<string | undefined>;
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

function isGraphQLErrors(value: unknown): value is GraphQLFormattedError[] {
  return (
    Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string')
  );
}

/** A new id for each connection: the gateway logs and tracks the connection's operations under it. */
function newRequestId(): string | undefined {
  return typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : undefined;
}

/**
 * The SDK client's one graphql-ws connection, opened on the first WebSocket subscription and shared by all of
 * them (lazy: closed again when the last one ends). Every failure becomes a typed Result: the gateway's 4401 close
 * (bad or expired token) is UNAUTHENTICATED, a connection that never opened NETWORK_ERROR, one that closed under a
 * running subscription STREAM_CLOSED.
 */
export class WsConnection {
  #client: Client | undefined;
  #acknowledged = false;
  #requestId: string | undefined;

  constructor(private readonly options: WsConnectionOptions) {}

  #clientOrFailure(): Client | Failure {
    if (this.#client) return this.#client;
    try {
      this.#client = createClient({
        url: this.options.url,
        webSocketImpl: this.options.webSocketImpl,
        lazy: true,
        // No reconnect, as for SSE: the caller hears STREAM_CLOSED and decides what to subscribe again.
        retryAttempts: 0,
        connectionParams: async () => {
          this.#requestId = newRequestId();
          const authorization = await this.options.authorization();
          return { ...(authorization ? { authorization } : {}), ...(this.#requestId ? { [REQUEST_ID_HEADER]: this.#requestId } : {}) };
        },
        on: {
          connecting: () => (this.#acknowledged = false),
          connected: () => (this.#acknowledged = true),
        },
      });
      return this.#client;
    } catch (err) {
      // graphql-ws refuses at once when there is no WebSocket class (Node 20 without webSocketImpl).
      return failure({ code: 'NETWORK_ERROR', message: `no WebSocket: ${(err as Error).message}` });
    }
  }

  #failureOf(err: unknown): Failure {
    const requestId = this.#requestId;
    if (isGraphQLErrors(err)) return graphqlFailure(err, undefined, requestId);
    if (isCloseEvent(err)) {
      const reason = err.reason || `closed with ${err.code}`;
      if (err.code === CloseCode.Unauthorized) return failure({ code: 'UNAUTHENTICATED', message: reason }, requestId);
      if (err.code === CloseCode.Forbidden) return failure({ code: 'FORBIDDEN', message: reason }, requestId);
      if (err.code === CloseCode.InternalServerError) return failure({ code: 'INTERNAL_SERVER_ERROR', message: reason }, requestId);
      if (!this.#acknowledged) return failure({ code: 'NETWORK_ERROR', message: `could not connect to ${this.options.url}: ${reason}` }, requestId);
      return failure({ code: 'STREAM_CLOSED', message: `the WebSocket closed before the subscription completed: ${reason}` }, requestId);
    }
    const message = err instanceof Error ? err.message : String(err);
    return failure({ code: this.#acknowledged ? 'STREAM_CLOSED' : 'NETWORK_ERROR', message: `WebSocket to ${this.options.url} failed: ${message}` }, requestId);
  }

  async *subscribe<TData>(operation: Operation, variables: unknown, signal: AbortSignal | undefined): AsyncGenerator<Result<TData>> {
    const client = this.#clientOrFailure();
    if ('ok' in client) {
      yield client;
      return;
    }
    const { query, operationName } = operation;
    const results = client.iterate<TData>({ query, variables: (variables ?? {}) as Record<string, unknown>, ...(operationName ? { operationName } : {}) });
    const stop = () => void results.return?.();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const result of results) yield streamResult(result as FormattedExecutionResult<TData>, this.#requestId);
      if (signal?.aborted) yield failure({ code: 'ABORTED', message: 'the subscription was aborted' }, this.#requestId);
    } catch (err) {
      yield signal?.aborted ? failure({ code: 'ABORTED', message: 'the subscription was aborted' }, this.#requestId) : this.#failureOf(err);
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  async dispose(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.dispose();
  }
}
