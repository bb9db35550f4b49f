import { GraphQLError, print, type DocumentNode } from 'graphql';
import { IDENTITY_HEADER } from '../auth/identity.js';
import { hubUrl } from '../config/services.js';

export interface HubClientOptions {
  /** The caller's signed identity as the subgraph received it: the hub re-checks it and acts for that user. */
  identityHeader: string;
  url?: string;
  /** 10 s: a nested call must finish well inside the outer request's own deadline. */
  timeoutMs?: number;
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

/**
 * The only way one service asks another for something: through the gateway, so that every call between
 * services passes the hub's auth, breakers, retries and tracing. Errors come back as GraphQLErrors carrying
 * the remote code, so a FORBIDDEN from the owning service stays FORBIDDEN for the client.
 */
export async function hubRequest<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
  options: HubClientOptions,
  document: DocumentNode | string,
  variables?: TVariables,
): Promise<TData> {
  const query = typeof document === 'string' ? document : print(document);
  let response: Response;
  try {
    response = await fetch(options.url ?? hubUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [IDENTITY_HEADER]: options.identityHeader },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch {
    throw new GraphQLError('The hub could not be reached', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new GraphQLError(`The hub answered HTTP ${response.status} without a GraphQL body`, {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
  const first = body.errors?.[0];
  if (first) {
    throw new GraphQLError(first.message, { extensions: { ...first.extensions, code: first.extensions?.code ?? 'SERVICE_UNAVAILABLE' } });
  }
  if (!body.data) throw new GraphQLError('The hub answered without data', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  return body.data;
}
