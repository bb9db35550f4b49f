import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { AuthConfig } from '../config/auth-config.js';
import { RemoteTokens, TokenError, verifyUserToken, type TokenUser } from './jwt.js';

// 10 000 tokens: more distinct users than one gateway serves at once, at about 400 bytes each (4 MB at most).
const MAX_ENTRIES = 10_000;

/** What verifies a token that is not the platform's own HS256 one: hub.yaml `auth` (lib/config/auth-config.ts). */
export type TokenPolicy = Pick<AuthConfig, 'accept_hs256' | 'issuer' | 'audience' | 'jwks_url' | 'discovery' | 'clock_skew' | 'algorithms' | 'roles_claim'>;

function headerAlgorithm(token: string): string {
  try {
    const alg = decodeProtectedHeader(token).alg;
    if (typeof alg === 'string') return alg;
  } catch {
    // Not a JWS at all: refused below like any other invalid token.
  }
  throw new TokenError('token is invalid');
}

/**
 * Remembers tokens that passed verification until they expire: verifying an HS256 signature through WebCrypto
 * was the gateway's largest single cost per request (bench/gateway-overhead profile), an RS256 or ES256 one costs
 * more, and a client sends the same token with every request. Only tokens that verified are kept, so nothing here
 * can make a forged or expired token pass; a kept one answers the same user until its `exp`, exactly as verifying it
 * again would (or a little sooner: the clock skew an IdP's token is allowed is not extended here).
 *
 * Which key verifies a token follows its header's `alg`, never the other way round: HS256 with the platform's secret
 * (unless `accept_hs256: false`), the configured asymmetric algorithms with the IdP's JWKS. So an IdP's public key is
 * never used as an HMAC secret, and a token signed with "none" or an algorithm not configured is invalid.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { user: TokenUser; until: number }>();
  private readonly remote: RemoteTokens | undefined;

  constructor(
    private readonly secret: string,
    private readonly policy?: TokenPolicy,
  ) {
    const { issuer, audience } = policy ?? {};
    this.remote = policy && issuer && audience ? new RemoteTokens({ ...policy, issuer, audience }) : undefined;
  }

  async verify(token: string): Promise<TokenUser> {
    const now = Date.now();
    const kept = this.entries.get(token);
    if (kept && now < kept.until) return kept.user;
    if (kept) this.entries.delete(token);
    const user = await this.verifyAnew(token);
    const exp = decodeJwt(token).exp;
    // jose refuses a token once the clock reaches its exp (seconds); one without exp stays valid, as it would here.
    const until = exp === undefined ? Infinity : exp * 1000;
    // Oldest first out: Map iteration follows insertion order.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { user, until });
    return user;
  }

  private async verifyAnew(token: string): Promise<TokenUser> {
    const alg = headerAlgorithm(token);
    if (alg === 'HS256') {
      if (this.policy?.accept_hs256 === false) throw new TokenError('token is invalid');
      return verifyUserToken(token, this.secret);
    }
    if (this.remote && (this.policy?.algorithms as readonly string[] | undefined)?.includes(alg)) return this.remote.verify(token);
    throw new TokenError('token is invalid');
  }

  get size(): number {
    return this.entries.size;
  }
}

const byConfiguration = new Map<string, VerifiedTokens>();

/**
 * The process's cache for tokens signed with `secret` and, with a policy (hub.yaml `auth`), by its identity
 * provider. One per secret and policy: a gateway's plugins and routes asking with the same configuration share it.
 */
export function verifiedTokens(secret: string, policy?: TokenPolicy): VerifiedTokens {
  const key = policy ? `${secret}\n${JSON.stringify(policy)}` : secret;
  let cache = byConfiguration.get(key);
  if (!cache) byConfiguration.set(key, (cache = new VerifiedTokens(secret, policy)));
  return cache;
}
