import { GraphQLError } from 'graphql';
import { maskError } from '#lib/graphql/index.js';

const masked = maskError('gateway');

/**
 * @apollo/gateway coerces variables itself (graphql-js getVariableValues) and returns the errors bare, with
 * no code; a scalar's parse error even arrives as an originalError that the mask would hide. They are the
 * client's input mistakes, so they get BAD_USER_INPUT before the shared mask decides what passes.
 */
function withVariableCode(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || error.extensions?.code !== undefined || error.path !== undefined) return error;
  if (!error.message.startsWith('Variable "$')) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}

/** yoga's maskError for the gateway: lib/graphql's policy (known codes pass, the rest is INTERNAL_SERVER_ERROR). */
export function maskGatewayError(error: unknown, message: string): Error {
  return masked(withVariableCode(error), message);
}
