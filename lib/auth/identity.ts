import { createHash, createHmac, createSecretKey, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';

/** The header in which the gateway tells a subgraph who the caller is, for this one request. */
export const IDENTITY_HEADER = 'x-hub-identity';
/** The header in which a service calls the gateway: for itself, or for the request it is serving (a delegation). */
export const DELEGATION_HEADER = 'x-hub-delegation';
/** Who signed a header addressed to a service: the gateway. Services sign as themselves. */
export const GATEWAY = 'gateway';

export interface Identity {
  /** null for an anonymous caller: the gateway vouches for the request, not for a user. */
  userId: string | null;
  /**
   * Set when one of our own processes acts on its own behalf rather than a user's: 'hub' for the transaction
   * coordinator (the only caller the participant protocol accepts), a service name for its background work.
   */
  service?: string;
  /** Set when a service asked for this on its user's behalf (`user X via campaign`): the service that delegated. */
  via?: string;
  /**
   * Roles from the client's JWT (`operator`). Only the gateway's in-process hub reads them; they are not carried
   * in the signed identity header, so a subgraph, or a call a subgraph makes through the hub, never has them.
   */
  roles?: readonly string[];
}

/** What one header is good for: one method on one path of one audience, with one body. */
export interface RequestBinding {
  audience: string;
  method: string;
  /** The path with its query string, as the receiver sees it in the request line. */
  path: string;
  /** bodyHash(body) of the exact bytes sent. */
  bodyHash: string;
}

/** The signed claims. Short names: the header rides on every subgraph fetch. */
export interface IdentityClaims {
  /** issuer: 'gateway', or the service that signed */
  iss: string;
  aud: string;
  sub: string | null;
  svc?: string;
  via?: string;
  /** The request a delegation is made for: the id (jti) of the header that request carried. */
  req?: string;
  m: string;
  p: string;
  bh: string;
  /** Unique id: each header is accepted once (lib/auth/nonce-store.ts). */
  jti: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

/**
 * 10 s. The header only has to live from signing to the receiver's check: a fetch's attempt is signed as it is sent,
 * so this covers its wait in a busy receiver's queue (p99 about 1.5 s at 50 connections, issue 16) and clock skew
 * between hosts, with room. Every attempt, retry or nested call signs anew, so nothing needs longer; and the shorter
 * it is, the fewer ids each receiver must remember to refuse a replay.
 */
export const IDENTITY_TTL_MS = 10_000;

const EMPTY_BODY_HASH = bodyHash('');

/** SHA-256 of the exact body bytes, base64url: what binds a header to one body. */
export function bodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

export { EMPTY_BODY_HASH };

// Each key as a KeyObject, made once: createHmac with a Buffer imports the key anew for every header (issue 16's
// profiles: a tenth of what signing and verifying cost). Keys are few (the gateway's and one per service) and live
// as long as the process.
const keyObjects = new WeakMap<Buffer, KeyObject>();

function mac(key: Buffer, payload: string): string {
  let keyObject = keyObjects.get(key);
  if (!keyObject) keyObjects.set(key, (keyObject = createSecretKey(key)));
  return createHmac('sha256', keyObject).update(payload).digest('base64url');
}

export interface SignedHeader {
  header: string;
  jti: string;
  expiresAt: number;
}

/** Signs `identity` for one request (`binding`) with `key`; `issuer` is who signs ('gateway' or a service). */
export function signRequest(
  identity: Identity,
  binding: RequestBinding,
  key: Buffer,
  { issuer = GATEWAY, forRequest, now = Date.now() }: { issuer?: string; forRequest?: string; now?: number } = {},
): SignedHeader {
  // randomUUID draws from a cached pool of entropy; randomBytes(16) asked the kernel on every header, 3% of the
  // gateway's CPU under load. 122 random bits: as unguessable a single-use id.
  const jti = randomUUID();
  const expiresAt = now + IDENTITY_TTL_MS;
  const claims: IdentityClaims = {
    iss: issuer,
    aud: binding.audience,
    sub: identity.userId,
    ...(identity.service ? { svc: identity.service } : {}),
    ...(identity.via ? { via: identity.via } : {}),
    ...(forRequest ? { req: forRequest } : {}),
    m: binding.method,
    p: binding.path,
    bh: binding.bodyHash,
    jti,
    exp: expiresAt,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { header: `v2.${payload}.${mac(key, payload)}`, jti, expiresAt };
}

/** Why a header was refused: said in the 401's message and logged, never with the header's value. */
export type Refusal = 'missing' | 'malformed' | 'forged' | 'expired' | 'replayed' | 'wrong audience' | 'wrong method or path' | 'body does not match';

export type Verified = { claims: IdentityClaims; identity: Identity } | { refusal: Refusal };

function parseClaims(payload: string): IdentityClaims | null {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<IdentityClaims>;
    const strings = [claims.iss, claims.aud, claims.m, claims.p, claims.bh, claims.jti];
    if (strings.some((value) => typeof value !== 'string') || typeof claims.exp !== 'number') return null;
    if (claims.sub !== null && typeof claims.sub !== 'string') return null;
    for (const optional of [claims.svc, claims.via, claims.req]) if (optional !== undefined && typeof optional !== 'string') return null;
    return claims as IdentityClaims;
  } catch {
    return null;
  }
}

/**
 * Checks a header against the request it arrived with. `keyOf(issuer)` gives the key to check it with (a service
 * knows only its own and the gateway's is the same one; the gateway derives each service's), undefined for an
 * issuer it does not accept. Single use is checked after this, by the receiver's nonce store.
 */
export function verifyRequest(
  header: string | null | undefined,
  expected: RequestBinding,
  keyOf: (issuer: string) => Buffer | undefined,
  now = Date.now(),
): Verified {
  if (!header) return { refusal: 'missing' };
  const [version, payload, signature, extra] = header.split('.');
  if (version !== 'v2' || !payload || !signature || extra !== undefined) return { refusal: 'malformed' };
  const claims = parseClaims(payload);
  if (!claims) return { refusal: 'malformed' };
  const key = keyOf(claims.iss);
  if (!key) return { refusal: 'forged' };
  const wanted = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (wanted.length !== given.length || !timingSafeEqual(wanted, given)) return { refusal: 'forged' };
  if (claims.exp < now || claims.exp > now + 2 * IDENTITY_TTL_MS) return { refusal: 'expired' };
  if (claims.aud !== expected.audience) return { refusal: 'wrong audience' };
  if (claims.m !== expected.method || claims.p !== expected.path) return { refusal: 'wrong method or path' };
  if (claims.bh !== expected.bodyHash) return { refusal: 'body does not match' };
  const identity: Identity = { userId: claims.sub };
  if (claims.svc) identity.service = claims.svc;
  if (claims.via) identity.via = claims.via;
  return { claims, identity };
}

/** The message a 401 carries for a refusal: says why, names no value. */
export function refusalMessage(refusal: Refusal): string {
  switch (refusal) {
    case 'missing':
      return 'This service answers only requests signed by the gateway; call the gateway instead.';
    case 'replayed':
      return 'The identity header was already used: each one is good for one request.';
    default:
      return `The identity header was refused: ${refusal}.`;
  }
}
