import { GraphQLError } from 'graphql';

/**
 * The refusals of demand control. `http.spec: false` keeps the status whatever the client accepts: yoga answers a
 * spec validation error with 200 to an `application/json` client, but an operation refused for its size or its
 * caller must read as refused to every client and proxy. yoga strips `http` from what the client sees.
 */
function refusal(message: string, status: number, extensions: Record<string, unknown>, headers?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status, spec: false, ...(headers ? { headers } : {}) } } });
}

/** An operation over one of hub.yaml's `message_hub.limits`: BAD_USER_INPUT naming the limit, its max and the actual. */
export function limitExceeded(limit: string, max: number, actual: number | undefined, message: string): GraphQLError {
  return refusal(message, 400, { code: 'BAD_USER_INPUT', limit, max, ...(actual !== undefined ? { actual } : {}) });
}

/** Introspection (`__schema`, `__type`) where it is closed to the caller. */
export function introspectionDisabled(): GraphQLError {
  return refusal('Introspection is disabled for this caller: only operators may query __schema and __type here.', 403, {
    code: 'FORBIDDEN',
    reason: 'INTROSPECTION_DISABLED',
  });
}

/** A document that is not one of the registered (trusted) documents, where only those are accepted. */
export function persistedOnly(): GraphQLError {
  return refusal(
    'Only registered operations are accepted: send one of the documents of the trusted manifest, or its id in extensions.persistedQuery.sha256Hash or documentId.',
    400,
    { code: 'PERSISTED_QUERY_ONLY' },
  );
}

/** A persisted document id the manifest does not have. */
export function persistedNotFound(): GraphQLError {
  return refusal('No registered operation has this id.', 400, { code: 'PERSISTED_QUERY_NOT_FOUND' });
}

/** Over the caller's generation budget: RATE_LIMITED with retryAfter (seconds), HTTP 429 with Retry-After. */
export function rateLimited(retryAfter: number, message: string): GraphQLError {
  return refusal(message, 429, { code: 'RATE_LIMITED', retryAfter }, { 'retry-after': String(retryAfter) });
}
