import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '../graphql/errors.js';

/** What the services select of an llm Generation to know whether it served them. */
export interface GenerationOutcome {
  id: string;
  status: string;
  error: { code: string; message: string; retryAfter: number | null } | null;
}

const PUBLIC_CODES = new Set<string>(ERROR_CODES);

/**
 * A generation the llm stored but could not complete (every provider failed, or it was cancelled) becomes the
 * caller's error with the llm's own code and retryAfter, so RATE_LIMITED stays RATE_LIMITED with its wait; a code
 * clients do not know is reported as SERVICE_UNAVAILABLE (the llm could not serve), never masked as a bug.
 */
export function requireCompleted<T extends GenerationOutcome>(generation: T): T {
  if (generation.status === 'COMPLETED') return generation;
  const error = generation.error;
  const code = error && PUBLIC_CODES.has(error.code) ? error.code : 'SERVICE_UNAVAILABLE';
  const extensions: Record<string, unknown> = { code, generationId: generation.id };
  if (error?.retryAfter != null) extensions.retryAfter = error.retryAfter;
  const message = error?.message ?? `the generation ended ${generation.status.toLowerCase()}`;
  throw new GraphQLError(message, { extensions });
}

/** An enum value as words for a prompt: HILL_DWARF -> "hill dwarf", LAWFUL_GOOD -> "lawful good". */
export function enumWords(value: string): string {
  return value.toLowerCase().replaceAll('_', ' ');
}
