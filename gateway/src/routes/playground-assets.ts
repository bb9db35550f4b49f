import { errorBody, sendJson } from '#lib/http/send-json.js';
import { pickEncoding } from '../http/compressed-bodies.js';
import { PLAYGROUND_ASSETS_PREFIX, type PlaygroundAssets } from '../http/playground-assets.js';
import type { RouteHandler } from './route.js';

// A year, the most RFC 9111 expects a cache to honour, and immutable: a file's name is its content's hash, so new
// content comes under a new name and these bytes never need revalidating.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * GET/HEAD /playground/assets/<name>.<hash>.<ext>: GraphiQL's scripts, styles, workers and icon, precompressed. Only
 * names the installed GraphiQL has are answered, from memory (nothing is read from disk by path); any other is a 404.
 */
export function playgroundAssetsRoute({ assets }: { assets: PlaygroundAssets }): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, errorBody('Playground assets are read with GET or HEAD', 'BAD_USER_INPUT'), { allow: 'GET, HEAD' });
      return;
    }
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    const asset = assets.find(pathname.slice(PLAYGROUND_ASSETS_PREFIX.length));
    if (!asset) {
      sendJson(res, 404, errorBody('No such playground asset (GraphiQL was updated or the name is wrong: reload the page)', 'NOT_FOUND'));
      return;
    }
    const encoding = pickEncoding(req.headers['accept-encoding']);
    // One strong ETag per encoding: each is a different sequence of bytes (RFC 9110 8.8.3).
    const etag = `"${asset.hash}${encoding ? `-${encoding}` : ''}"`;
    const headers = {
      'content-type': asset.contentType,
      etag,
      'cache-control': IMMUTABLE,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    };
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    const bodies = await asset.bodies;
    const body = encoding ? bodies[encoding] : bodies.identity;
    res.writeHead(200, { ...headers, 'content-length': body.length, ...(encoding ? { 'content-encoding': encoding } : {}) }).end(body);
  };
}
