import type { GraphQLFormattedError } from 'graphql';
import type { Operation } from './operation.js';
import { failure, graphqlFailure, type Result } from './result.js';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface HttpRequest {
  url: string;
  operation: Operation;
  variables: unknown;
  headers: Record<string, string>;
  fetch: typeof fetch;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

function isGraphQLBody(body: unknown): body is GraphQLBody {
  if (typeof body !== 'object' || body === null) return false;
  const { data, errors } = body as GraphQLBody;
  return (errors === undefined || Array.isArray(errors)) && (errors !== undefined || (typeof data === 'object' && data !== null));
}

function abortedOrTimedOut(signal: AbortSignal | undefined, timeoutMs: number): Result<never> {
  return signal?.aborted
    ? failure({ code: 'ABORTED', message: 'the request was aborted' })
    : failure({ code: 'TIMEOUT', message: `no answer within ${timeoutMs} ms` });
}

/**
 * One POST of a query or mutation, its answer read into a Result: data, or the first error's code with every error
 * kept. Whatever happens on the way (refused connection, timeout, abort, an HTML error page) is a failure value.
 */
export async function postOperation<TData>(request: HttpRequest): Promise<Result<TData>> {
  const { operation, timeoutMs, signal } = request;
  const deadline = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await request.fetch(request.url, {
      method: 'POST',
      headers: {
        ...request.headers,
        'content-type': 'application/json',
        // graphql-response+json: errors keep their HTTP status; json for servers that know only that.
        accept: 'application/graphql-response+json, application/json;q=0.9',
      },
      body: JSON.stringify({ query: operation.query, operationName: operation.operationName, variables: request.variables ?? {} }),
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
  } catch (err) {
    if (signal?.aborted || deadline.aborted) return abortedOrTimedOut(signal, timeoutMs);
    return failure({ code: 'NETWORK_ERROR', message: `could not reach ${request.url}: ${(err as Error).message}` });
  }
  const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (signal?.aborted || deadline.aborted) return { ...abortedOrTimedOut(signal, timeoutMs), ...(requestId ? { requestId } : {}) };
    return failure(
      { code: 'BAD_RESPONSE', status: response.status, message: `${request.url} answered HTTP ${response.status} without a GraphQL body` },
      requestId,
    );
  }
  if (!isGraphQLBody(body)) {
    return failure(
      { code: 'BAD_RESPONSE', status: response.status, message: `${request.url} answered HTTP ${response.status} with JSON that is not a GraphQL result` },
      requestId,
    );
  }
  if (body.errors?.length) return graphqlFailure(body.errors, response.status, requestId);
  return { ok: true, data: body.data as TData, attempts: 1, ...(requestId ? { requestId } : {}) };
}
