import { createHmac, timingSafeEqual } from 'node:crypto';
import { ownServiceKey } from '#lib/auth/index.js';

/**
 * Access tokens in the URL of an image that is not PUBLIC, so that an <img> tag (which sends no Authorization
 * header) loads a map its viewer may see, and nobody else does: `Image.url` hands one to a caller only after the
 * image passed its visibility check, like a pre-signed object-store URL. HMAC-SHA256 over the image id and expiry,
 * with a key derived from this service's own key: only the image service mints and verifies them.
 *
 * The expiry is the end of the next 15-minute window: a token lives 15 to 30 minutes, long enough for a page to
 * stay open and load its pictures, short enough that a player who leaves a campaign loses its maps soon after, and
 * the same for every request in a window, so the URL (and the browser's cache of it) does not change on each query.
 */
const WINDOW_MS = 15 * 60_000;
const LABEL = 'dnd-tools/image-url/v1';
// 128 bits of tag: unforgeable by guessing, and a URL short enough for any log line.
const TAG_BYTES = 16;

export type UrlKey = Buffer;

export function imageUrlKey(secret: string): UrlKey {
  return createHmac('sha256', ownServiceKey('image', secret)).update(LABEL).digest();
}

function tag(key: UrlKey, id: string, expires: number): Buffer {
  return createHmac('sha256', key).update(`${id.toLowerCase()}\u0000${expires}`).digest().subarray(0, TAG_BYTES);
}

/** `<expiry ms>.<tag>` for the image `id`, valid until the end of the next window. */
export function accessToken(key: UrlKey, id: string, now = Date.now()): string {
  const expires = (Math.floor(now / WINDOW_MS) + 2) * WINDOW_MS;
  return `${expires}.${tag(key, id, expires).toString('base64url')}`;
}

/** The token's expiry (ms) when it was minted here for `id` and has not expired; else null. */
export function verifyAccessToken(key: UrlKey, id: string, token: string | null, now = Date.now()): number | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(token ?? '');
  if (!match) return null;
  const expires = Number(match[1]);
  if (expires <= now) return null;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = tag(key, id, expires);
  return given.length === expected.length && timingSafeEqual(given, expected) ? expires : null;
}
