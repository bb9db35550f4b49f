import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { createClient, NetworkError } from 'graphql-sse';
import { REQUEST_ID_HEADER } from './http-request.js';
import type { Operation } from './operation.js';
import { failure, graphqlFailure, streamResult, type Failure, type Result } from './result.js';

export interface SseSubscriptionRequest {
  url: string;
  operation: Operation;
  variables: unknown;
  headers: () => Promise<Record<string, string>>;
  fetch: typeof fetch;
  signal: AbortSignal | undefined;
}

async function refusal(response: Response, requestId: string | undefined): Promise<Failure> {
  try {
    const body = (await response.json()) as { errors?: GraphQLFormattedError[] };
    if (Array.isArray(body.errors) && body.errors.length > 0) return graphqlFailure(body.errors, response.status, requestId);
  } catch {
    // Not JSON: described by its status below.
  }
  return failure(
    { code: 'BAD_RESPONSE', status: response.status, message: `${response.url || 'the server'} answered HTTP ${response.status} instead of an event stream` },
    requestId,
  );
}

/**
 * One subscription over Server-Sent Events (graphql-sse, distinct connections mode: one POST per subscription, as
 * yoga serves it). Results come as Results; the stream's end comes as the generator's end, and any way it can fail
 * (refused with 401, server unreachable, stream dropped midway, aborted) as one last failure.
 */
export async function* sseSubscription<TData>(request: SseSubscriptionRequest): AsyncGenerator<Result<TData>> {
  let requestId: string | undefined;
  let connected = false;
  const client = createClient({
    url: request.url,
    headers: request.headers,
    // No reconnect: a textGeneration subscribed again would start a second generation. A dropped stream is reported
    // as STREAM_CLOSED and the caller decides (event subscriptions resume with afterPosition).
    retryAttempts: 0,
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await request.fetch(input, init);
      requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
      return response;
    },
  });
  const { query, operationName } = request.operation;
  const results = client.iterate<TData>(
    { query, variables: (request.variables ?? {}) as Record<string, unknown>, ...(operationName ? { operationName } : {}) },
    { connected: () => (connected = true) },
  );
  const stop = () => void results.return?.();
  request.signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const result of results) yield streamResult(result as FormattedExecutionResult<TData>, requestId);
    if (request.signal?.aborted) yield failure({ code: 'ABORTED', message: 'the subscription was aborted' }, requestId);
  } catch (err) {
    if (request.signal?.aborted) yield failure({ code: 'ABORTED', message: 'the subscription was aborted' }, requestId);
    else if (err instanceof NetworkError && err.response) yield await refusal(err.response as Response, requestId);
    else if (connected)
      yield failure({ code: 'STREAM_CLOSED', message: `the event stream ended before the subscription completed: ${(err as Error).message}` }, requestId);
    else yield failure({ code: 'NETWORK_ERROR', message: `could not reach ${request.url}: ${(err as Error).message}` }, requestId);
  } finally {
    request.signal?.removeEventListener('abort', stop);
    client.dispose();
  }
}
