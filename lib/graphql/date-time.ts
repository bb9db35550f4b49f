import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors.js';

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw badUserInput(`DateTime must be an ISO-8601 date-time, got ${JSON.stringify(value)}`);
  return date;
}

/** ISO-8601 date-time in UTC (`2026-11-25T20:00:00.000Z`); every subgraph declares `scalar DateTime` and uses this. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC, e.g. 2026-11-25T20:00:00.000Z.',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: (value) => toDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badUserInput('DateTime must be a string');
    return toDate(ast.value);
  },
});
