import { unauthenticated } from '../graphql/errors.js';
import type { GatewayCaller } from '../gateway-client/gateway-caller.js';
import type { CapabilityClaims } from '../transactions/capability.js';
import type { RequestInfo } from './create-subgraph-server.js';

/** What every service's GraphQL context knows of the caller, built the same way for all (callerContext). */
export interface CallerContext {
  /** The signed-in user; null for an anonymous caller (the gateway vouched for the request, not for a user). */
  userId: string | null;
  /** Set when one of our services calls for itself ('hub' for the transaction coordinator): lib/transactions. */
  callerService: string | null;
  /** Set when a service asked on the user's behalf (`user X via campaign`): that service. */
  via: string | null;
  /** For the calls this request makes through the hub (lib/gateway-client): delegated for this request. */
  hub: GatewayCaller;
  /** Ties the events and log lines of this request to it: the request id (x-request-id, else a fresh one). */
  correlationId: string;
  /** The coordinator's capability for a transaction step, verified (lib/transactions/capability.ts); else null. */
  capability: CapabilityClaims | null;
}

export function callerContext({ identity, hub, requestId, capability }: RequestInfo): CallerContext {
  return { userId: identity.userId, callerService: identity.service ?? null, via: identity.via ?? null, hub, correlationId: requestId, capability };
}

/** The signed-in user's id; an anonymous caller of a user-only field gets UNAUTHENTICATED, never a silent null. */
export function requireUser(ctx: { userId: string | null }): string {
  if (!ctx.userId) throw unauthenticated();
  return ctx.userId;
}
