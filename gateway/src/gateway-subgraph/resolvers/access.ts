import { OPERATOR_ROLE } from '#lib/auth/jwt.js';
import { badUserInput, forbidden, unauthenticated } from '#lib/graphql/errors.js';
import { isUuid } from '#lib/db/uuid.js';
import type { HubContext } from '../context.js';
import type { TransactionRow } from '../db/schema.js';

export function requireUser(ctx: HubContext): string {
  if (!ctx.identity.userId) throw unauthenticated();
  return ctx.identity.userId;
}

/** The hub's own state (instance URLs, breakers, queues) is the platform's inside: operators only. */
export function requireOperator(ctx: HubContext): void {
  requireUser(ctx);
  if (!ctx.identity.roles?.includes(OPERATOR_ROLE)) {
    throw forbidden(`Query.hub is for operators: sign in with a token that has the role "${OPERATOR_ROLE}" (npm run token -- <user> --operator)`);
  }
}

/** Checked before a transaction starts: a malformed id is the caller's typo, not a transaction to log. */
export function requireUuid(field: string, value: string): string {
  if (!isUuid(value)) throw badUserInput(`${field} must be a UUID, got "${value}"`, { field });
  return value;
}

/** Its initiator may read a transaction, and so may our own services (a participant settling a branch in doubt). */
export function canRead(ctx: HubContext, transaction: TransactionRow): boolean {
  return ctx.identity.service !== undefined || (ctx.identity.userId !== null && ctx.identity.userId === transaction.initiator);
}
