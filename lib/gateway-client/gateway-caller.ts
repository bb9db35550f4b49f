import { bodyHash, DELEGATION_HEADER, GATEWAY, signRequest } from '../auth/identity.js';

/**
 * Who a service's call to the hub is for. A service never hands back the header it was given: it signs a
 * delegation of its own with its key, naming the request it is serving (the hub then acts for that request's user,
 * via this service), or, with no request, it calls for itself.
 */
export interface GatewayCaller {
  /** The calling service: the signer, and the `via` of what the hub does for it. */
  service: string;
  /** The service's own key (lib/auth/service-keys.ts). */
  key: Buffer;
  /** The id of the identity header of the request being served; absent when the service calls for itself. */
  forRequest?: string;
  /** That request's user, as the service was told: the hub checks it against the request it sent. */
  userId?: string | null;
  /** The gateway's GraphQL URL; default HUB_URL (lib/config/services.ts hubUrl). */
  url?: string | undefined;
}

/** The delegation header for one call: bound to the gateway, POST `path` and this body, good once. */
export function delegationHeaders(caller: GatewayCaller, path: string, body: string): Record<string, string> {
  const identity = caller.forRequest ? { userId: caller.userId ?? null } : { userId: null, service: caller.service };
  const { header } = signRequest(identity, { audience: GATEWAY, method: 'POST', path, bodyHash: bodyHash(body) }, caller.key, {
    issuer: caller.service,
    ...(caller.forRequest ? { forRequest: caller.forRequest } : {}),
  });
  return { [DELEGATION_HEADER]: header };
}
