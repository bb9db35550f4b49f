import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';

/** The codes the platform's errors carry in extensions.code (README "Identity and access"). */
export type ServerErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** A daily generation budget is spent; extensions.resetsAt says when it resets. */
  | 'BUDGET_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED';

/** What went wrong before or around a GraphQL answer: the SDK's own codes. */
export type ClientErrorCode =
  /** The gateway could not be reached (wrong host or port, refused, DNS, offline, CORS). */
  | 'NETWORK_ERROR'
  /** Something answered, but not with GraphQL (a wrong path, a proxy's error page). */
  | 'BAD_RESPONSE'
  /** No answer within timeoutMs. */
  | 'TIMEOUT'
  /** The caller's AbortSignal fired. */
  | 'ABORTED'
  /** A subscription's stream ended without completing (server gone, connection dropped). */
  | 'STREAM_CLOSED';

/** Known codes autocomplete; a code the SDK does not know yet still comes through as it was sent. */
export type ErrorCode = ServerErrorCode | ClientErrorCode | (string & {});

export interface SdkError {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before asking again (RATE_LIMITED, and SERVICE_UNAVAILABLE when a queue is full). */
  retryAfter?: number;
  /** The HTTP status, when the server answered over HTTP. */
  status?: number;
  /** Every GraphQL error of the answer as sent (message, path, extensions); empty for transport failures. */
  errors: readonly GraphQLFormattedError[];
}

interface Outcome {
  /** The gateway's x-request-id for this request (the last attempt's): quote it to support, find it in Query.hub. */
  requestId?: string;
  /** How many times the request was sent (more than 1 after waiting out RATE_LIMITED). */
  attempts: number;
}

export interface Success<TData> extends Outcome {
  ok: true;
  data: TData;
}

export interface Failure extends Outcome {
  ok: false;
  error: SdkError;
}

/** Every call returns one of these; transport and GraphQL failures are values, never thrown. */
export type Result<TData> = Success<TData> | Failure;

export function failure(error: Omit<SdkError, 'errors'> & { errors?: readonly GraphQLFormattedError[] }, requestId?: string): Failure {
  return { ok: false, error: { ...error, errors: error.errors ?? [] }, attempts: 1, ...(requestId ? { requestId } : {}) };
}

/** The failure a GraphQL answer's errors describe: the first error's code and retryAfter, all errors kept. */
export function graphqlFailure(errors: readonly GraphQLFormattedError[], status?: number, requestId?: string): Failure {
  const first = errors[0];
  const extensions = first?.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const retryAfter = typeof extensions.retryAfter === 'number' ? extensions.retryAfter : undefined;
  return failure(
    {
      code,
      message: first?.message ?? 'the server answered with errors',
      errors,
      ...(retryAfter === undefined ? {} : { retryAfter }),
      ...(status === undefined ? {} : { status }),
    },
    requestId,
  );
}

/** One result of a subscription as a Result: its data, or its errors' code. */
export function streamResult<TData>(result: FormattedExecutionResult<TData>, requestId: string | undefined): Result<TData> {
  if (result.errors?.length) return graphqlFailure(result.errors, undefined, requestId);
  return { ok: true, data: result.data as TData, attempts: 1, ...(requestId ? { requestId } : {}) };
}
