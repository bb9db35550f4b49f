import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './errors.js';
import { processLogger } from '../telemetry/logger.js';

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
      if (original instanceof GraphQLError) {
        // Raised on purpose (our error constructors), or by graphql-js while coercing the request's variables
        // (an unknown enum value, a missing input field): the latter carries no code and is the client's mistake.
        const code = publicCode(original) ?? (error.path ? undefined : 'BAD_USER_INPUT');
        if (code) {
          return new GraphQLError(original.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            extensions: { ...original.extensions, code },
          });
        }
      }
      // No original error: raised by graphql-js itself (validation, variable coercion), safe to show.
      if (!original) return error;
      if (publicCode(error)) return error;
    }
    processLogger(service).error({ err: (error as GraphQLError)?.originalError ?? error }, 'unexpected error');
    return new GraphQLError(message, {
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  };
}
