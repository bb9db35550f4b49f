import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImageDb } from '../context.js';
import { readImageBytes, readImageHead, type StoredBytes } from '../db/image-store.js';
import { isUuid } from '#lib/db/uuid.js';
import { verifyAccessToken, type UrlKey } from './image-access-token.js';

const PREFIX = '/images/';

/**
 * GET and HEAD /images/<id>: the bytes, for the gateway to proxy. They end up in <img> tags, which carry no
 * headers, so no user is required: a PUBLIC image's bytes are anyone's, any other's need the `access` token that
 * `Image.url` gave a caller allowed to see it (image-access-token.ts). Without a valid one the answer is the same
 * 404 as for an id that does not exist, so a hidden map's existence is not told either. Returns false for any
 * other path.
 */
export function imageRoute(db: ImageDb, urlKey: UrlKey) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(PREFIX)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Images are read with GET or HEAD', { allow: 'GET, HEAD' });
      return true;
    }
    const id = pathname.slice(PREFIX.length);
    // Checked before querying: a malformed id cannot exist, and Postgres would reject it as a uuid.
    const image = isUuid(id) ? await (req.method === 'HEAD' ? readImageHead(db, id) : readImageBytes(db, id)) : null;
    const access = new URL(req.url ?? '/', 'http://localhost').searchParams.get('access');
    const expires = image && image.visibility !== 'PUBLIC' ? verifyAccessToken(urlKey, id, access) : undefined;
    if (!image || expires === null) {
      sendError(res, 404, 'NOT_FOUND', 'No image has this id');
      return true;
    }
    sendImage(req, res, image, expires);
    return true;
  };
}

/** `expires`: the access token's expiry for an image that is not PUBLIC; no shared cache may keep those bytes. */
function sendImage(req: IncomingMessage, res: ServerResponse, image: StoredBytes, expires?: number): void {
  const etag = `"${image.sha256}"`;
  const headers = {
    etag,
    // An image id's bytes never change (a new image gets a new id), so caches may keep a public one for good; a
    // private one only the viewer's browser, and no longer than its token.
    'cache-control':
      expires === undefined ? 'public, max-age=31536000, immutable' : `private, max-age=${Math.max(0, Math.floor((expires - Date.now()) / 1000))}`,
    // The type was detected from the bytes at upload; forbid browsers from guessing another (HTML, script).
    'x-content-type-options': 'nosniff',
    // If the URL is ever opened as a document, nothing in it may run or load.
    'content-security-policy': "default-src 'none'; sandbox",
  };
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': image.mimeType, 'content-length': String(image.bytes?.length ?? image.byteSize) });
  res.end(req.method === 'HEAD' ? undefined : image.bytes);
}

/** RFC 9110 If-None-Match: a list of entity tags or "*", compared weakly (W/ prefixes ignored). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}
