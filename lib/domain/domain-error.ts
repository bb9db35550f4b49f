/**
 * What a command refuses, in the domain's words: no GraphQL, no HTTP. The edge (lib/subgraph's
 * domain-error-mapping.ts) turns each kind into its GraphQL code; a service never does.
 */
export type DomainErrorKind = 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED' | 'UNAVAILABLE';

/** Facts a client can act on (the field, the rule, the current version); copied to the error's extensions. */
export type ErrorDetails = Record<string, unknown>;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly details: ErrorDetails;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** The command itself is wrong: `field` names the input, `rule` the rule it broke (a refusal a client can show). */
export class InvalidInput extends DomainError {
  readonly kind = 'INVALID_INPUT';
  constructor(message: string, details: { field?: string; rule?: string } & ErrorDetails = {}) {
    super(message, details);
  }
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
  get rule(): string | undefined {
    return typeof this.details.rule === 'string' ? this.details.rule : undefined;
  }
}

export class NotFound extends DomainError {
  readonly kind = 'NOT_FOUND';
}

/** The caller is known but may not do this; `rule` names the rule that says so. */
export class Forbidden extends DomainError {
  readonly kind = 'FORBIDDEN';
  constructor(message: string, details: { rule?: string } & ErrorDetails = {}) {
    super(message, details);
  }
  get rule(): string | undefined {
    return typeof this.details.rule === 'string' ? this.details.rule : undefined;
  }
}

/** The state does not allow it now (someone else changed it, it is held by a transaction, it is in use). */
export class Conflict extends DomainError {
  readonly kind = 'CONFLICT';
}

export type VersionExpectation = number | 'no_stream' | 'any';

/**
 * The command was decided on a version of the stream that is no longer its head: reload and retry. Carries both
 * names of the head's version: `actualVersion` (the event store's) and `currentVersion` (what clients reload to).
 */
export class StreamVersionConflict extends Conflict {
  readonly streamId: string;
  readonly expectedVersion: VersionExpectation;
  readonly actualVersion: number;

  constructor(streamId: string, expectedVersion: VersionExpectation, actualVersion: number, entity = `stream "${streamId}"`) {
    const expected = expectedVersion === 'no_stream' ? 'no stream yet' : `version ${expectedVersion}`;
    super(`${entity} changed since ${expected}; it is now at version ${actualVersion}: reload and retry`, {
      streamId,
      expectedVersion,
      actualVersion,
      currentVersion: actualVersion,
    });
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** Event ids reused outside an exact retry of one batch: nothing was written. */
export class EventIdConflict extends Conflict {
  constructor(message: string, streamId: string, eventIds: readonly string[]) {
    super(message, { streamId, eventIds: [...eventIds] });
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first: send Authorization: Bearer <token>.', details: ErrorDetails = {}) {
    super(message, details);
  }
}

/** A service this command depends on answered, but not with what the command needs (an llm reply with no hooks). */
export class Unavailable extends DomainError {
  readonly kind = 'UNAVAILABLE';
}

/** `throw invalidInput(...)` reads like the refusal it is; each returns the error rather than throwing it. */
export const invalidInput = (message: string, details?: { field?: string; rule?: string } & ErrorDetails) => new InvalidInput(message, details);
export const notFound = (message: string, details?: ErrorDetails) => new NotFound(message, details);
export const forbidden = (message: string, details?: { rule?: string } & ErrorDetails) => new Forbidden(message, details);
export const conflict = (message: string, details?: ErrorDetails) => new Conflict(message, details);
export const unauthenticated = (message?: string) => new Unauthenticated(message);
export const unavailable = (message: string, details?: ErrorDetails) => new Unavailable(message, details);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
