import type { Dispatcher } from 'undici';
import { EMPTY_BODY_HASH } from '#lib/auth/index.js';
import { errorBody, sendJson } from '#lib/http/send-json.js';
import { proxyImage } from '../http/image-proxy.js';
import { authenticate } from '../identity/authenticate.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import type { RouteHandler } from './route.js';

/** The one subgraph the gateway knows by name: the optional owner of image bytes served under /images/. */
export const IMAGE_SUBGRAPH = 'image';

export interface ImagesDeps {
  secret: string;
  /** The image subgraph's origin. */
  origin: string;
  dispatcher: Dispatcher;
  identities: GatewayIdentities;
}

/**
 * /images/*: image bytes are the image service's to give or refuse (visibility), so it is told who asks, as for a
 * GraphQL fetch. proxyImage reads the raw req.url (never the router's decoded wildcard): its traversal checks must
 * see dot segments and encoded slashes as the client sent them.
 */
export function imagesRoute({ secret, origin, dispatcher, identities }: ImagesDeps): RouteHandler {
  return async (req, res) => {
    const authorization = req.headers.authorization;
    const outcome = await authenticate(new Request('http://gateway/', { headers: authorization ? { authorization } : {} }), { secret });
    if ('rejection' in outcome) return sendJson(res, 401, errorBody(outcome.rejection, 'UNAUTHENTICATED'));
    const caller = { userId: outcome.identity.userId };
    return proxyImage(
      req,
      res,
      origin,
      dispatcher,
      (method, path) => identities.sign(caller, { audience: IMAGE_SUBGRAPH, method, path, body: '' }, { hash: EMPTY_BODY_HASH }).header,
    );
  };
}
