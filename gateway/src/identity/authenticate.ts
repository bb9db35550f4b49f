import { bodyHash, DELEGATION_HEADER, TokenError, verifiedTokens, type Identity } from '#lib/auth/index.js';
import type { GatewayIdentities } from './gateway-identities.js';

export interface AuthOptions {
  /** Verifies users' HS256 JWTs. */
  secret: string;
  /** Verifies the services' own calls (delegations) through the gateway client; absent, none is accepted (graphql-ws). */
  identities?: GatewayIdentities | undefined;
  /** hub.yaml `auth`: an identity provider's RS256/ES256 tokens (JWKS, OIDC discovery) besides HS256; absent, HS256 only. */
  tokens?: Parameters<typeof verifiedTokens>[1];
}

export type Outcome = { identity: Identity } | { rejection: string };

const ANONYMOUS: Identity = Object.freeze({ userId: null });
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who sends `request`: HTTP requests (plugins/use-auth.ts), graphql-ws connections (a Request built from
 * connectionParams) and image reads are authenticated by this same code.
 */
export async function authenticate(request: Request, { secret, identities, tokens }: AuthOptions): Promise<Outcome> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return { rejection: 'token is invalid' };
    try {
      const user = await verifiedTokens(secret, tokens).verify(token);
      return { identity: user.roles.length > 0 ? { userId: user.id, roles: user.roles } : { userId: user.id } };
    } catch (err) {
      if (err instanceof TokenError && err.message === 'token has expired') return { rejection: 'token has expired' };
      return { rejection: 'token is invalid' };
    }
  }
  // A service calling through the gateway client: a delegation for the request it serves, or a call for itself, bound
  // to this body and good once. x-hub-identity, the header the gateway signs for services, is never read here: a
  // client (or a service) that sends one is whoever else its request says it is.
  const delegation = request.headers.get(DELEGATION_HEADER);
  if (delegation !== null) {
    if (!identities) return { rejection: 'service calls are accepted over HTTP POST only' };
    const { pathname, search } = new URL(request.url);
    // A copy of the body: yoga parses the request itself afterwards. Only services' calls pay for it.
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const outcome = await identities.verifyServiceCall(delegation, { method: request.method, path: `${pathname}${search}`, bodyHash: bodyHash(body) });
    return 'identity' in outcome ? outcome : { rejection: `service call refused: ${outcome.refusal}` };
  }
  // No credentials: anonymous. Each subgraph decides what an anonymous caller may see.
  return { identity: ANONYMOUS };
}
