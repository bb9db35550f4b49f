import type { Plugin } from 'graphql-yoga';
import { IDENTITY_HEADER, TokenError, verifiedTokens, verifyIdentity, type Identity } from '../../../lib/auth/index.js';

export interface AuthOptions {
  /** Verifies users' HS256 JWTs and the identity header subgraphs hand back through the hub client. */
  secret: string;
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
export async function authenticateRequest(request: Request, secret: string): Promise<Outcome> {
  const outcome = await authenticate(request, secret);
  if ('identity' in outcome) identities.set(request, outcome.identity);
  return outcome;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

async function authenticate(request: Request, secret: string): Promise<Outcome> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return { rejection: 'token is invalid' };
    try {
      const user = await verifiedTokens(secret).verify(token);
      return { identity: user.roles.length > 0 ? { userId: user.id, roles: user.roles } : { userId: user.id } };
    } catch (err) {
      if (err instanceof TokenError && err.message === 'token has expired') return { rejection: 'token has expired' };
      return { rejection: 'token is invalid' };
    }
  }
  // A subgraph calling through the hub client carries its caller's identity, signed by this gateway.
  const identityHeader = request.headers.get(IDENTITY_HEADER);
  if (identityHeader !== null) {
    const identity = verifyIdentity(identityHeader, secret);
    return identity ? { identity } : { rejection: 'identity header is invalid or has expired' };
  }
  // No credentials: anonymous. Each subgraph decides what an anonymous caller may see.
  return { identity: ANONYMOUS };
}

/**
 * Who is calling: `Authorization: Bearer <JWT>` from clients, or the signed identity header from subgraphs
 * (Authorization wins when both are sent). Bad credentials are refused with HTTP 401 before parsing, so
 * no subgraph is ever called on behalf of a forged or expired identity; missing ones mean anonymous.
 */
export function useAuth(options: AuthOptions): Plugin<AuthContext> {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const outcome = await authenticateRequest(request, options.secret);
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
