import { GraphQLError } from 'graphql';

/** The codes clients can rely on (DESIGN.md); anything else is masked as INTERNAL_SERVER_ERROR. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  // A daily generation budget (llm_service.budgets) is spent: extensions.resetsAt says when it resets.
  'BUDGET_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, extensions?: Record<string, unknown>) => userError('BAD_USER_INPUT', message, extensions);
export const notFound = (message: string, extensions?: Record<string, unknown>) => userError('NOT_FOUND', message, extensions);
export const conflict = (message: string, extensions?: Record<string, unknown>) => userError('CONFLICT', message, extensions);
export const forbidden = (message: string, extensions?: Record<string, unknown>) => userError('FORBIDDEN', message, extensions);
export const unauthenticated = (message = 'Sign in first: send Authorization: Bearer <token>.') =>
  userError('UNAUTHENTICATED', message, { http: { status: 401 } });
