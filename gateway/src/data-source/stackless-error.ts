import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/**
 * A GraphQLError for an answer the hub decided on (a service unavailable, a breaker open), not a bug: its stack is
 * only its message. @apollo/gateway copies `originalError.stack` into the error it builds around each subgraph
 * error, and formatting a captured stack was most of the gateway's time for a field of an open-breaker service
 * (bench/gateway-overhead's open-breaker line); the stack of a decision says nothing an operator needs.
 */
export function stacklessError(message: string, options: GraphQLErrorOptions): GraphQLError {
  // No frames captured at all (rather than a stack replaced afterwards: redefining `stack` makes V8 format the
  // captured one first). Synchronous, so no other code runs while the limit is 0.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(message, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
