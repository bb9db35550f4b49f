import { createHmac } from 'node:crypto';

/**
 * The keys of the road between services, all derived from one hub secret that only the gateway needs:
 *
 * - each service has its own HMAC key (`serviceKey`): the gateway signs what it sends to that service with it, and
 *   the service signs what it sends back to the gateway (a delegation, or a call for itself). A service holds only
 *   its own key, so it can neither speak for another service nor address a request to one.
 * - the hub secret itself is derived from the users' JWT secret unless HUB_SECRET gives it (`hubSecretOf`), with its
 *   own domain label, so a leaked internal key never helps forge a user's token and the reverse.
 *
 * Why HMAC and not signatures: a subgraph verifies one header per request; HMAC-SHA256 costs about 10 µs against
 * Ed25519's 150-500 µs here, and the budget is 0.2 ms per request. The coordinator's capabilities, a few per
 * transaction, are Ed25519 (lib/transactions/capability.ts), so that participants can verify but not mint them.
 */

// Domain labels: a key derived for one purpose is never valid for another, even from the same secret.
const HUB_LABEL = 'dnd-tools/hub-secret/v2';
const SERVICE_LABEL = 'dnd-tools/service-key/v2/';

/** HUB_SECRET when set (production: give it to the gateway only), else derived from the users' JWT secret. */
export function hubSecretOf(authSecret: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env.HUB_SECRET;
  if (own) {
    // 32 characters: the full strength of HMAC-SHA256, as for AUTH_JWT_SECRET (lib/auth/secret.ts).
    if (own.length < 32) throw new Error('HUB_SECRET must be at least 32 characters');
    return own;
  }
  return createHmac('sha256', authSecret).update(HUB_LABEL).digest('base64url');
}

const derived = new Map<string, Buffer>();

/** The key `service` shares with the gateway. Derived once per (secret, service): every fetch signs with one. */
export function serviceKey(hubSecret: string, service: string): Buffer {
  const cacheKey = `${service}\u0000${hubSecret}`;
  let key = derived.get(cacheKey);
  if (!key)
    derived.set(
      cacheKey,
      (key = createHmac('sha256', hubSecret)
        .update(SERVICE_LABEL + service)
        .digest()),
    );
  return key;
}

/**
 * This service's own key: SERVICE_KEY (base64url, as `npm run service-key -- <service>` prints it) when set, so that
 * a production service is given its key and never the hub secret; else derived from the secret it was given (the
 * embedded default, where every process reads the one generated secret, and tests).
 */
export function ownServiceKey(service: string, authSecret: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const given = env.SERVICE_KEY;
  if (given) {
    const key = Buffer.from(given, 'base64url');
    if (key.length !== 32) throw new Error('SERVICE_KEY must be 32 bytes in base64url (npm run service-key -- <service>)');
    return key;
  }
  return serviceKey(hubSecretOf(authSecret, env), service);
}
