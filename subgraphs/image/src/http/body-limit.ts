import type { IncomingMessage, ServerResponse } from 'node:http';
import { maxBase64Length } from '../upload/decode-base64.js';

// 64 KiB for everything around the image in a GraphQL request: the operation text, the prompt (4000 characters,
// up to 4 bytes each in UTF-8) and the JSON envelope, with room to spare.
const ENVELOPE_BYTES = 64 * 1024;

/** The largest POST /graphql body this service reads: the largest base64 upload plus the envelope. */
export function maxGraphqlBodyBytes(maxImageBytes: number): number {
  return maxBase64Length(maxImageBytes) + ENVELOPE_BYTES;
}

/**
 * yoga reads JSON bodies of any size into memory (it limits only multipart uploads), so a declared
 * Content-Length above what a legitimate upload needs is answered 413 before a byte of the body is read.
 * Returns true when it answered.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): boolean {
  if (req.method !== 'POST') return false;
  const declared = Number(req.headers['content-length']);
  if (!Number.isFinite(declared) || declared <= maxBodyBytes) return false;
  const body = JSON.stringify({
    errors: [{ message: `Request body too large: at most ${maxBodyBytes} bytes`, extensions: { code: 'BAD_USER_INPUT', maxBodyBytes } }],
  });
  // The body is discarded as it arrives (never buffered); closing the socket instead would make the caller (the
  // gateway) fail with EPIPE while still sending, and the client would get SERVICE_UNAVAILABLE instead of this.
  req.resume();
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return true;
}
