import { SignJWT, jwtVerify, errors } from 'jose';

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
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
    return { id: payload.sub, roles };
  } catch (err) {
    if (err instanceof TokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new TokenError('token has expired');
    throw new TokenError('token is invalid');
  }
}
