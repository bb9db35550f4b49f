import { createRemoteJWKSet, SignJWT, jwtVerify, errors, type JWTPayload } from 'jose';
import type { AuthConfig } from '../config/auth-config.js';

export interface TokenUser {
  id: string;
  /** The token's `roles` claim: `operator` may read the hub's own state (Query.hub). Empty for players. */
  roles: readonly string[];
}

/** Reads the platform's internals (instance URLs, breakers, queues): people who run it, not players. */
export const OPERATOR_ROLE = 'operator';

const ISSUER = 'dnd-tools';
const encoder = new TextEncoder();

/** 12 h: a play session's length, so a token minted before the game does not expire during it. */
export const DEFAULT_TOKEN_TTL = '12h';

export async function signUserToken(userId: string, secret: string, ttl: string = DEFAULT_TOKEN_TTL, roles: readonly string[] = []): Promise<string> {
  return new SignJWT(roles.length > 0 ? { roles: [...roles] } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(encoder.encode(secret));
}

export class TokenError extends Error {}

/** Verifies an HS256 JWT; any other algorithm is refused, so a token signed with "none" never passes. */
export async function verifyUserToken(token: string, secret: string): Promise<TokenUser> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'], issuer: ISSUER });
    if (!payload.sub) throw new TokenError('token has no subject');
    return { id: payload.sub, roles: rolesOf(payload, 'roles') };
  } catch (err) {
    if (err instanceof TokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new TokenError('token has expired');
    throw new TokenError('token is invalid');
  }
}

/** The roles at `claim` (a dotted path: realm_access.roles): a list of strings, or one space-separated string. */
export function rolesOf(payload: JWTPayload, claim: string): string[] {
  let value: unknown = payload;
  for (const key of claim.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value === 'string') return value.split(' ').filter((role) => role !== '');
  return Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : [];
}

// 10 s between discovery attempts after one failed: an IdP that is down is not asked once per request.
const DISCOVERY_RETRY_MS = 10_000;
// 5 s for the discovery document and for the key set: an IdP slower than that is as good as down.
const FETCH_TIMEOUT_MS = 5000;

/**
 * Verifies an identity provider's tokens (RS256, ES256 ... as configured) against its JWKS: the key set at
 * `jwks_url`, or the `jwks_uri` OIDC discovery finds at <issuer>/.well-known/openid-configuration. jose's remote key
 * set caches the keys and fetches them again for a key id it does not know (rotation), at most every 30 s.
 * Checked: signature, algorithm, issuer, audience, exp (required) and nbf with the configured clock skew, and sub.
 */
export class RemoteTokens {
  private keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  private discovering: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  private failedAt = 0;

  constructor(private readonly config: AuthConfig & { issuer: string; audience: string }) {
    if (config.jwks_url) this.keys = createRemoteJWKSet(new URL(config.jwks_url), { timeoutDuration: FETCH_TIMEOUT_MS });
  }

  async verify(token: string): Promise<TokenUser> {
    const keys = await this.keySet();
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [...this.config.algorithms],
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clock_skew,
        // A token without exp would be good forever; without sub it names nobody.
        requiredClaims: ['exp', 'sub'],
      });
      return { id: payload.sub as string, roles: rolesOf(payload, this.config.roles_claim) };
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new TokenError('token has expired');
      throw new TokenError('token is invalid');
    }
  }

  private async keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.keys) return this.keys;
    if (Date.now() - this.failedAt < DISCOVERY_RETRY_MS) throw new TokenError('token is invalid: the identity provider could not be reached');
    this.discovering ??= this.discover();
    try {
      this.keys = await this.discovering;
      return this.keys;
    } catch {
      this.failedAt = Date.now();
      throw new TokenError('token is invalid: the identity provider could not be reached');
    } finally {
      this.discovering = undefined;
    }
  }

  private async discover(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const url = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery 4.3: the document must name the issuer it was fetched for, or it is someone else's.
    if (document.issuer !== this.config.issuer) throw new Error('discovery document names another issuer');
    if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri)) throw new Error('discovery document has no jwks_uri');
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
  }
}
