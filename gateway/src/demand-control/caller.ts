import { OPERATOR_ROLE, type Identity } from '#lib/auth/index.js';
import type { GatewayContext } from '../context/gateway-context.js';

/** The caller use-auth put into the operation's GatewayContext (anonymous when it authenticated none). */
export function callerOf(args: { contextValue: Pick<GatewayContext, 'identity'> }): Identity {
  return args.contextValue.identity;
}

export const isOperator = (identity: Identity): boolean => identity.roles?.includes(OPERATOR_ROLE) ?? false;

/**
 * One of the platform's own services calling through the gateway client (for itself, or delegated for its user): its
 * identity was verified from a signature only services hold (use-auth), and its documents are the repository's own.
 */
export const isService = (identity: Identity): boolean => identity.service !== undefined || identity.via !== undefined;
