import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './errors.js';

const PUBLIC_CODES = new Set<string>(ERROR_CODES);

function publicCode(error: GraphQLError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' && PUBLIC_CODES.has(code) ? code : undefined;
}

/**
 * yoga's maskError: errors we raised on purpose (a GraphQLError with a known code) reach the client
 * as they are; anything else (a bug, a driver error carrying SQL) is logged here and replaced by a
 * generic message, so no stack trace, SQL or secret ever leaves the process.
 */
export function maskError(service: string) {
  return (error: unknown, message: string): Error => {
    if (error instanceof GraphQLError) {
      const original = error.originalError;
      if (original instanceof GraphQLError && publicCode(original)) {
        return new GraphQLError(original.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          extensions: original.extensions,
        });
      }
      // No original error: raised by graphql-js itself (validation, variable coercion), safe to show.
      if (!original) return error;
      if (publicCode(error)) return error;
    }
    console.error(`[${service}] unexpected error:`, (error as GraphQLError)?.originalError ?? error);
    return new GraphQLError(message, {
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  };
}
