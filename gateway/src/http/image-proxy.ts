import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { request, type Dispatcher } from 'undici';
import { IDENTITY_HEADER } from '#lib/auth/index.js';
import { describeFailure } from '../resilience/describe-failure.js';
import { errorBody, sendJson } from '#lib/http/send-json.js';

export const IMAGES_PREFIX = '/images/';

// Exactly what a browser cache and an <img> tag need; nothing else of the image service's headers leaks out.
const RESPONSE_HEADERS = ['content-type', 'content-length', 'etag', 'cache-control', 'last-modified', 'x-content-type-options', 'content-security-policy'];
// Conditional request headers, so that the browser's revalidation reaches the image service and 304s work.
const REQUEST_HEADERS = ['if-none-match', 'if-modified-since'];

// What no image path of ours holds and a path that climbs out of /images/ needs: dot segments, encoded dots,
// slashes and backslashes (which a server may decode after we look), backslashes, empty segments, NUL.
const UNSAFE_PATH = /(^|\/)\.\.?(\/|$)|%2e|%2f|%5c|%00|\\|\/\/|\0/i;

/** The request's path when it stays inside /images/ as it is, else null: it is never normalised into a target. */
export function imagePathOf(rawUrl: string): string | null {
  const [path = '', query] = rawUrl.split('?', 2);
  if (!path.startsWith(IMAGES_PREFIX) || UNSAFE_PATH.test(path)) return null;
  return query === undefined ? path : `${path}?${query}`;
}

/**
 * GET and HEAD /images/<path>: streamed from the `image` subgraph's origin, never buffered. An image service
 * that is down or broken answers 503/502 with a SERVICE_UNAVAILABLE body; it never brings the gateway down.
 */
export async function proxyImage(
  req: IncomingMessage,
  res: ServerResponse,
  imageOrigin: string,
  dispatcher: Dispatcher,
  /** The identity header for a GET or HEAD of `path` at the image service: who asks decides what they may see. */
  sign: (method: string, path: string) => string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, errorBody('Images are read with GET or HEAD', 'BAD_USER_INPUT'), { allow: 'GET, HEAD' });
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }

  const path = imagePathOf(req.url ?? '/');
  if (path === null) {
    sendJson(res, 400, errorBody('Image paths are /images/<id>: no dot segments, encoded slashes or dots, backslashes or empty segments', 'BAD_USER_INPUT'));
    return;
  }
  let upstream: Dispatcher.ResponseData;
  try {
    const url = new URL(path, imageOrigin);
    headers[IDENTITY_HEADER] = sign(req.method, `${url.pathname}${url.search}`);
    upstream = await request(url, { dispatcher, method: req.method, headers });
  } catch (err) {
    sendJson(res, 503, errorBody(`The image service is unavailable (${describeFailure(err)})`, 'SERVICE_UNAVAILABLE'));
    return;
  }
  if (upstream.statusCode >= 500) {
    await upstream.body.dump();
    sendJson(res, 502, errorBody(`The image service failed (HTTP ${upstream.statusCode})`, 'SERVICE_UNAVAILABLE'));
    return;
  }

  const passed: Record<string, string> = {};
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers[name];
    if (typeof value === 'string') passed[name] = value;
  }
  res.writeHead(upstream.statusCode, passed);
  try {
    await pipeline(upstream.body, res);
  } catch (err) {
    // Headers are out: all that is left is cutting the response so the client sees it is incomplete.
    console.error('[gateway] image stream broke:', describeFailure(err));
    res.destroy();
  }
}
