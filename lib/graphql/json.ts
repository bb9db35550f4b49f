import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Any JSON value (an object, a list, a string...), passed as it is: the data of stored events, whose shape
 * depends on the event type. Every subgraph that declares `scalar JSON` uses this one.
 */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: an object, a list, a string, a number, a boolean or null.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
