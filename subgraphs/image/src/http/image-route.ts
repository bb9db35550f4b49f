import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImageDb } from '../context.js';
import { readImageBytes, readImageHead, type StoredBytes } from '../db/image-store.js';
import { isUuid } from '../../../../lib/db/uuid.js';

const PREFIX = '/images/';

/**
 * GET and HEAD /images/<id>: the bytes, for the gateway to proxy. No signature or user is required: the URLs are
 * unguessable UUIDs and end up in <img> tags, which cannot carry headers. Returns false for any other path.
 */
export function imageRoute(db: ImageDb) {
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
    if (!image) {
      sendError(res, 404, 'NOT_FOUND', 'No image has this id');
      return true;
    }
    sendImage(req, res, image);
    return true;
  };
}

function sendImage(req: IncomingMessage, res: ServerResponse, image: StoredBytes): void {
  const etag = `"${image.sha256}"`;
  const headers = {
    etag,
    // An image id's bytes never change (a new image gets a new id), so caches may keep them for good.
    'cache-control': 'public, max-age=31536000, immutable',
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
