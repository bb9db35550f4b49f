import type { FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import type { GraphQLFormattedError } from 'graphql';

/** A GraphQL response body as a subgraph sends it. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/**
 * A subgraph's answer as the pipeline hands it up: the HTTP status and headers, and the GraphQL body when there is
 * one. Read at the bottom of the pipeline (send.ts), so that every policy sees the same answer: retry and the breaker
 * its status, dedup and track its body, without reading it twice.
 */
export interface SubgraphAnswer {
  status: number;
  headers: FetcherHeaders;
  /** Absent: the body is not a GraphQL response (`notJson` tells whether it was JSON at all). */
  graphql?: GraphQLBody | undefined;
  notJson?: boolean;
}

function isGraphQLBody(value: unknown): value is GraphQLBody {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

/** Per GraphQL over HTTP, a well-formed GraphQL body is the answer whatever the status (a 401 may carry partial data). */
export async function readAnswer(response: FetcherResponse): Promise<SubgraphAnswer> {
  const { status, headers } = response;
  if (!(headers.get('content-type') ?? '').includes('json')) return { status, headers };
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    return { status, headers, notJson: true };
  }
  return isGraphQLBody(parsed) ? { status, headers, graphql: parsed } : { status, headers };
}

/** What an answer without a GraphQL body means to the client: a refusal with its own code, or a bad answer. */
export type AnswerVerdict =
  { kind: 'graphql'; body: GraphQLBody } | { kind: 'refused'; code: 'UNAUTHENTICATED' | 'RATE_LIMITED' } | { kind: 'bad'; detail: string };

export function verdictOf(answer: SubgraphAnswer): AnswerVerdict {
  if (answer.graphql) return { kind: 'graphql', body: answer.graphql };
  if (answer.notJson) return { kind: 'bad', detail: `HTTP ${answer.status} with a body that is not JSON` };
  if (answer.status === 401) return { kind: 'refused', code: 'UNAUTHENTICATED' };
  if (answer.status === 429) return { kind: 'refused', code: 'RATE_LIMITED' };
  const ok = answer.status >= 200 && answer.status < 300;
  return { kind: 'bad', detail: ok ? 'an answer that is not a GraphQL response' : `HTTP ${answer.status}` };
}
