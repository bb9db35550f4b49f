import type { Plugin } from 'graphql-yoga';
import { bodyHash, DELEGATION_HEADER, TokenError, verifiedTokens, type Identity } from '../../../lib/auth/index.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';

export interface AuthOptions {
  /** Verifies users' HS256 JWTs. */
  secret: string;
  /** Verifies the services' own calls (delegations) through the hub client; absent, none is accepted (graphql-ws). */
  identities?: GatewayIdentities | undefined;
  /** hub.yaml `auth`: an identity provider's RS256/ES256 tokens (JWKS, OIDC discovery) besides HS256; absent, HS256 only. */
  tokens?: Parameters<typeof verifiedTokens>[1];
}

/** What the plugin adds to every GraphQL context; the data source signs `identity` for each subgraph fetch. */
export interface AuthContext {
  identity: Identity;
}

const ANONYMOUS: Identity = Object.freeze({ userId: null });

export type Outcome = { identity: Identity } | { rejection: string };

// Module-wide, keyed by the Request object: HTTP requests (onRequest below) and graphql-ws connections
// (ws-server.ts, with a Request built from connectionParams) are authenticated by the same code.
const identities = new WeakMap<Request, Identity>();

/** Authenticates `request` (see useAuth) and remembers the identity for the GraphQL context built for it. */
export async function authenticateRequest(request: Request, options: AuthOptions): Promise<Outcome> {
  const outcome = await authenticate(request, options);
  if ('identity' in outcome) identities.set(request, outcome.identity);
  return outcome;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

async function authenticate(request: Request, { secret, identities, tokens }: AuthOptions): Promise<Outcome> {
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
  // A service calling through the hub client: a delegation for the request it serves, or a call for itself, bound
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

/**
 * Who is calling: `Authorization: Bearer <JWT>` from clients, or a service's signed delegation (x-hub-delegation)
 * from subgraphs (Authorization wins when both are sent). Bad credentials are refused with HTTP 401 before parsing, so
 * no subgraph is ever called on behalf of a forged or expired identity; missing ones mean anonymous.
 */
export function useAuth(options: AuthOptions): Plugin<AuthContext> {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const outcome = await authenticateRequest(request, options);
      if ('identity' in outcome) return;
      const body = { errors: [{ message: outcome.rejection, extensions: { code: 'UNAUTHENTICATED' } }] };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 401,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            // RFC 6750: tells HTTP clients which scheme to use and why this token failed.
            'www-authenticate': `Bearer error="invalid_token", error_description="${outcome.rejection}"`,
          },
        }),
      );
    },
    onContextBuilding({ context, extendContext }) {
      extendContext({ identity: identities.get(context.request) ?? ANONYMOUS });
    },
  };
}
