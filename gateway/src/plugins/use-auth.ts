import type { Plugin } from 'graphql-yoga';
import { gatewayContextOf, type GatewayContext } from '../context/gateway-context.js';
import { authenticate, type AuthOptions } from '../identity/authenticate.js';

/**
 * Who is calling: `Authorization: Bearer <JWT>` from clients, or a service's signed delegation (x-hub-delegation)
 * from subgraphs (Authorization wins when both are sent). Bad credentials are refused with HTTP 401 before parsing, so
 * no subgraph is ever called on behalf of a forged or expired identity; missing ones mean anonymous. The identity
 * goes into the request's GatewayContext: the data source signs it for each subgraph fetch.
 */
export function useAuth(options: AuthOptions): Plugin<GatewayContext> {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const outcome = await authenticate(request, options);
      if ('identity' in outcome) {
        gatewayContextOf(request).identity = outcome.identity;
        return;
      }
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
  };
}
