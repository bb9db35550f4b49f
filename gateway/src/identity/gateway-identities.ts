import { bodyHash, GATEWAY, signRequest, verifyRequest, type Identity, type Refusal, type SignedHeader } from '#lib/auth/identity.js';
import type { NonceStore } from '#lib/auth/nonce-store.js';
import { serviceKey } from '#lib/auth/service-keys.js';
import { processLogger } from '#lib/telemetry/logger.js';

/** A request the gateway sent to a service, which that service may name when it calls back for nested work. */
interface InFlight {
  identity: Identity;
  audience: string;
  until: number;
}

export interface OutgoingRequest {
  audience: string;
  method: string;
  path: string;
  body: string | Uint8Array;
}

/**
 * The gateway's side of the road between services: it signs each request it sends to a service (bound to that
 * service, method, path and body, single use, 10 s) and verifies what services send back:
 * - a delegation names a request the gateway sent to that very service and is still waiting on; the identity it
 *   yields is that request's user, via the service (`user X via campaign`), never more;
 * - a service calling for itself is that service and nobody else.
 * The service never hands back the header it was given, and nothing a client sends is taken for either.
 */
export class GatewayIdentities {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    private readonly hubSecret: string,
    private readonly nonces: NonceStore,
    /** How long a sent request may be named by a delegation at most: the gateway's own request timeout. */
    private readonly maxRequestMs: number,
  ) {}

  /**
   * Signs one attempt of a request. `delegable`: the service may call back for nested work while it runs.
   * `untilReleased`: a subscription, which runs for as long as it lives, not a request's timeout: delegable until its
   * caller releases it (upstream-subscription.ts does, however the stream ends). Same checks as any delegation.
   */
  sign(
    identity: Identity,
    request: OutgoingRequest,
    { delegable = false, untilReleased = false, hash }: { delegable?: boolean; untilReleased?: boolean; hash?: string } = {},
  ): SignedHeader {
    const signed = signRequest(
      identity,
      { audience: request.audience, method: request.method, path: request.path, bodyHash: hash ?? bodyHash(request.body) },
      serviceKey(this.hubSecret, request.audience),
    );
    if (delegable || untilReleased) {
      const until = untilReleased ? Number.POSITIVE_INFINITY : Date.now() + this.maxRequestMs;
      this.inFlight.set(signed.jti, { identity, audience: request.audience, until });
      // 4,096: about a second of fetches under load; below it an expired entry costs nothing worth a sweep.
      if (this.inFlight.size > 4096) this.sweep();
    }
    return signed;
  }

  /** The request is answered: nothing may be delegated for it any more. */
  release(jti: string): void {
    this.inFlight.delete(jti);
  }

  /** Who a service's call to the gateway is for, or why it is refused. */
  async verifyServiceCall(
    header: string,
    request: { method: string; path: string; bodyHash: string },
  ): Promise<{ identity: Identity } | { refusal: Refusal | 'request is over' }> {
    const verified = verifyRequest(header, { audience: GATEWAY, ...request }, (issuer) =>
      issuer === GATEWAY ? undefined : serviceKey(this.hubSecret, issuer),
    );
    if ('refusal' in verified) return this.refuse(verified.refusal, request.path);
    const { claims } = verified;
    let identity: Identity;
    if (claims.req !== undefined) {
      const original = this.inFlight.get(claims.req);
      // The request must be one sent to this very service, and still be running.
      if (!original || original.audience !== claims.iss || original.until < Date.now()) return this.refuse('request is over', request.path);
      // The service says whose request it serves; a different user than the gateway sent it is a forgery.
      if (claims.sub !== original.identity.userId) return this.refuse('forged', request.path);
      identity = { userId: original.identity.userId, via: claims.iss };
    } else {
      // For itself: a service is itself and nobody else, and acts for no user.
      if (claims.svc !== claims.iss || claims.sub !== null) return this.refuse('forged', request.path);
      identity = { userId: null, service: claims.iss };
    }
    if (!(await this.nonces.claim(`${GATEWAY}:${claims.jti}`, claims.exp))) return this.refuse('replayed', request.path);
    return { identity };
  }

  private refuse<T extends Refusal | 'request is over'>(refusal: T, path: string): { refusal: T } {
    // The reason and the path, never the header: a logged header would be a credential in the logs.
    processLogger(GATEWAY).warn({ refusal, path }, 'service call refused');
    return { refusal };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [jti, entry] of this.inFlight) if (entry.until < now) this.inFlight.delete(jti);
  }

  close(): Promise<void> {
    this.inFlight.clear();
    return this.nonces.close();
  }
}
