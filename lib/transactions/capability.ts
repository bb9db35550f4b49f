import { createHash, createHmac, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The coordinator's capability for one step of one branch: without it a participant does not prepare, commit or
 * abort anything, whoever signed the request. It binds the transaction, the participant, the step and, for prepare,
 * the operation, the payload's hash, the actor and the deadline, so that a captured call replayed with another body
 * (the +99,999 XP forgery) is refused before anything is written.
 *
 * Ed25519, signed with a key only the gateway holds: participants verify with the public key and cannot mint one,
 * not even for themselves. A few signatures per transaction (about 0.3 ms each here) are nothing beside its SQL;
 * per-request identity stays HMAC (lib/auth/identity.ts), where the budget is 0.2 ms.
 */
export const CAPABILITY_HEADER = 'x-hub-capability';

export type BranchStep = 'prepare' | 'commit' | 'abort';

export interface CapabilityClaims {
  tx: string;
  participant: string;
  step: BranchStep;
  /** prepare only: the operation, sha256 of the payload text, the actor and the deadline (ISO). */
  op?: string;
  ph?: string;
  actor?: string | null;
  deadline?: string;
  /** Expiry, epoch ms: a capability is for the call being made now, retries included. */
  exp: number;
}

// 60 s: covers the protocol call's retries within the hub's request timeout (60 s); the transaction's own deadline
// bounds prepare anyway, and commit and abort are idempotent.
const CAPABILITY_TTL_MS = 60_000;
const SEED_LABEL = 'dnd-tools/coordinator-key/v1';
// An Ed25519 private key in PKCS#8 DER is this fixed prefix followed by its 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The coordinator's key pair, derived from the hub secret (lib/auth/service-keys.ts hubSecretOf). */
export function coordinatorKeys(hubSecret: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const seed = createHmac('sha256', hubSecret).update(SEED_LABEL).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * What a participant verifies with: HUB_COORDINATOR_PUBLIC_KEY (SPKI DER in base64url, as `npm run service-key`
 * prints it) in production, where a service is not given the hub secret; else derived from it (embedded, tests).
 */
export function coordinatorPublicKey(hubSecret: () => string, env: NodeJS.ProcessEnv = process.env): KeyObject {
  const given = env.HUB_COORDINATOR_PUBLIC_KEY;
  if (given) return createPublicKey({ key: Buffer.from(given, 'base64url'), format: 'der', type: 'spki' });
  return coordinatorKeys(hubSecret()).publicKey;
}

export function payloadHash(payloadText: string): string {
  return createHash('sha256').update(payloadText).digest('base64url');
}

export function signCapability(privateKey: KeyObject, claims: Omit<CapabilityClaims, 'exp'>, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: now + CAPABILITY_TTL_MS })).toString('base64url');
  return `c1.${payload}.${sign(null, Buffer.from(payload), privateKey).toString('base64url')}`;
}

/** The claims of a capability signed by the coordinator and not expired; null for anything else. */
export function readCapability(publicKey: KeyObject, token: string | null | undefined, now = Date.now()): CapabilityClaims | null {
  if (!token) return null;
  const [version, payload, signature, extra] = token.split('.');
  if (version !== 'c1' || !payload || !signature || extra !== undefined) return null;
  try {
    if (!verify(null, Buffer.from(payload), publicKey, Buffer.from(signature, 'base64url'))) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CapabilityClaims;
    if (typeof claims.exp !== 'number' || claims.exp < now) return null;
    return claims;
  } catch {
    return null;
  }
}
