import type { ExecutionArgs } from 'graphql';
import { OPERATOR_ROLE, type Identity } from '../../../lib/auth/index.js';

/** The caller use-auth put into the operation's context (anonymous when there is none). */
export function callerOf(args: Pick<ExecutionArgs, 'contextValue'>): Identity {
  return (args.contextValue as { identity?: Identity } | undefined)?.identity ?? { userId: null };
}

export const isOperator = (identity: Identity): boolean => identity.roles?.includes(OPERATOR_ROLE) ?? false;

/**
 * One of the platform's own services calling through the hub client (for itself, or delegated for its user): its
 * identity was verified from a signature only services hold (use-auth), and its documents are the repository's own.
 */
export const isService = (identity: Identity): boolean => identity.service !== undefined || identity.via !== undefined;
