import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header in which the gateway tells a subgraph who the caller is. */
export const IDENTITY_HEADER = 'x-hub-identity';

export interface Identity {
  /** null for an anonymous caller: the gateway vouches for the request, not for a user. */
  userId: string | null;
  /**
   * Set when one of our own processes acts on its own behalf rather than a user's: 'hub' for the transaction
   * coordinator (the only caller the participant protocol accepts), a service name for its background work.
   */
  service?: string;
  /**
   * Roles from the client's JWT (`operator`). Only the gateway's in-process hub reads them; they are not carried
   * in the signed identity header, so a subgraph, or a call a subgraph makes through the hub, never has them.
   */
  roles?: readonly string[];
}

// 60 s: a subgraph may hand the header back to the hub for a nested call during its request;
// anything older is a replay.
const IDENTITY_TTL_SECONDS = 60;

const identityKeys = new Map<string, Buffer>();

/**
 * A separate key from the JWT one, so that a leaked identity header never helps forge a token. Derived once per
 * secret: every subgraph fetch signs a header and every subgraph request verifies one.
 */
function identityKey(secret: string): Buffer {
  let key = identityKeys.get(secret);
  if (!key) identityKeys.set(secret, (key = createHmac('sha256', secret).update('dnd-tools/internal-identity/v1').digest()));
  return key;
}

function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/**
 * Headers signed during the current second, per secret and caller. A header depends only on the caller and the
 * second (exp has second precision), so one signed earlier in the same second is the very same string: a
 * request's five subgraph fetches, and concurrent requests of one user, pay for one signature. Emptied when the
 * second changes, so it holds at most the callers of one second.
 */
let signedSecond = -1;
const signedThisSecond = new Map<string, string>();

export function signIdentity(identity: Identity, secret: string, now = Date.now()): string {
  const second = Math.floor(now / 1000);
  if (second !== signedSecond) {
    signedThisSecond.clear();
    signedSecond = second;
  }
  const cacheKey = JSON.stringify([secret, identity.userId, identity.service ?? null]);
  const signed = signedThisSecond.get(cacheKey);
  if (signed !== undefined) return signed;
  const payload = Buffer.from(
    JSON.stringify({ sub: identity.userId, ...(identity.service ? { svc: identity.service } : {}), exp: second + IDENTITY_TTL_SECONDS }),
  ).toString('base64url');
  const header = `v1.${payload}.${mac(identityKey(secret), payload)}`;
  signedThisSecond.set(cacheKey, header);
  return header;
}

/** Returns the identity, or null when the header is missing, forged or expired. */
export function verifyIdentity(header: string | null | undefined, secret: string, now = Date.now()): Identity | null {
  if (!header) return null;
  const [version, payload, signature] = header.split('.');
  if (version !== 'v1' || !payload || !signature) return null;
  const expected = Buffer.from(mac(identityKey(secret), payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { sub, svc, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: unknown; svc?: unknown; exp: unknown };
    if (typeof exp !== 'number' || exp * 1000 < now) return null;
    if (sub !== null && typeof sub !== 'string') return null;
    if (svc !== undefined && typeof svc !== 'string') return null;
    return svc === undefined ? { userId: sub } : { userId: sub, service: svc };
  } catch {
    return null;
  }
}
