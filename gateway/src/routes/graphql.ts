import { refuseUnboundedBody } from '#lib/http/body-limit.js';
import type { GatewayYoga } from '../context/gateway-context.js';
import type { RouteHandler } from './route.js';

/**
 * Everything the other routes do not answer, as yoga did before there were routes: /graphql in any method, and
 * unknown paths (yoga's 404). Bodies are bounded before yoga sees them: a declared Content-Length within the limit,
 * which Node's parser holds the body to.
 */
export function graphqlRoute({ yoga, maxBodyBytes }: { yoga: GatewayYoga; maxBodyBytes: number }): RouteHandler {
  return async (req, res) => {
    if (refuseUnboundedBody(req, res, maxBodyBytes)) return;
    await yoga.requestListener(req, res);
  };
}
