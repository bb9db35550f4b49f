import { decodeJwt } from 'jose';
import { verifyUserToken, type TokenUser } from './jwt.js';

// 10 000 tokens: more distinct users than one gateway serves at once, at about 400 bytes each (4 MB at most).
const MAX_ENTRIES = 10_000;

/**
 * Remembers tokens that passed verifyUserToken until they expire: verifying an HS256 signature through WebCrypto
 * was the gateway's largest single cost per request (bench/gateway-overhead profile), and a client sends the
 * same token with every request. Only tokens that verified are kept, so nothing here can make a forged or
 * expired token pass; a kept one answers the same user until its `exp`, exactly as verifying it again would.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { user: TokenUser; until: number }>();

  constructor(private readonly secret: string) {}

  async verify(token: string): Promise<TokenUser> {
    const now = Date.now();
    const kept = this.entries.get(token);
    if (kept && now < kept.until) return kept.user;
    if (kept) this.entries.delete(token);
    const user = await verifyUserToken(token, this.secret);
    const exp = decodeJwt(token).exp;
    // jose refuses a token once the clock reaches its exp (seconds); one without exp stays valid, as it would here.
    const until = exp === undefined ? Infinity : exp * 1000;
    // Oldest first out: Map iteration follows insertion order.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { user, until });
    return user;
  }

  get size(): number {
    return this.entries.size;
  }
}

const bySecret = new Map<string, VerifiedTokens>();

/** The process's cache for tokens signed with `secret`. */
export function verifiedTokens(secret: string): VerifiedTokens {
  let cache = bySecret.get(secret);
  if (!cache) bySecret.set(secret, (cache = new VerifiedTokens(secret)));
  return cache;
}
