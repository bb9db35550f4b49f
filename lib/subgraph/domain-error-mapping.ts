import { GraphQLError } from 'graphql';
import { DomainError, type DomainErrorKind } from '../domain/domain-error.js';
import type { ErrorCode } from '../graphql/errors.js';
import { maskError } from '../graphql/mask-error.js';

/** The one table from the domain's refusals to the codes clients rely on (DESIGN.md). */
const CODE_OF: Record<DomainErrorKind, ErrorCode> = {
  INVALID_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/** yoga answers UNAUTHENTICATED with 401 when the error says so, as lib/graphql's unauthenticated() does. */
const HTTP_OF: Partial<Record<DomainErrorKind, number>> = { UNAUTHENTICATED: 401 };

/** The GraphQL error a client sees for a domain error: its message, its details as extensions, and its code. */
export function domainErrorToGraphQL(error: DomainError, at?: GraphQLError): GraphQLError {
  const status = HTTP_OF[error.kind];
  return new GraphQLError(error.message, {
    nodes: at?.nodes,
    source: at?.source,
    positions: at?.positions,
    path: at?.path,
    extensions: { ...error.details, ...(status ? { http: { status } } : {}), code: CODE_OF[error.kind] },
  });
}

/** The domain error a resolver threw, as graphql-js wrapped it (or bare, when thrown outside execution). */
function domainErrorIn(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof DomainError) return error.originalError;
  return undefined;
}

/**
 * The subgraph kit's maskError: a domain error becomes its GraphQL code here, at the edge and nowhere else;
 * everything else follows lib/graphql's policy (known codes pass, the rest is logged and masked).
 */
export function maskSubgraphError(service: string) {
  const masked = maskError(service);
  return (error: unknown, message: string): Error => {
    const domain = domainErrorIn(error);
    if (domain) return domainErrorToGraphQL(domain, error instanceof GraphQLError ? error : undefined);
    return masked(error, message);
  };
}
