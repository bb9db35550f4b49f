import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, sendJson } from './send-json.js';

/**
 * 8 MiB: the largest legitimate request is an image upload (5 MiB of bytes, 6.7 MiB as base64) in its JSON
 * envelope. yoga reads JSON bodies of any size into memory, so without this one client could exhaust the hub.
 */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Answers 413 when a POST declares a body above the limit, before a byte of it is read, and 411 when a POST
 * declares no length at all (a chunked body could not be bounded without buffering it here). Every GraphQL
 * client sends a Content-Length for its JSON body. Returns true when it answered.
 */
export function refuseUnboundedBody(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): boolean {
  if (req.method !== 'POST') return false;
  const header = req.headers['content-length'];
  const declared = Number(header);
  if (header !== undefined && Number.isFinite(declared) && declared <= maxBodyBytes) return false;
  // The body is discarded as it arrives (never buffered). Closing the socket instead would make the client
  // fail with EPIPE while it is still sending, and never see this answer.
  req.resume();
  if (header === undefined) {
    // A body of unknown length can only be cut off: close after answering.
    sendJson(res, 411, errorBody('Send the request body with a Content-Length header', 'BAD_USER_INPUT'), { connection: 'close' });
  } else {
    sendJson(res, 413, errorBody(`Request body too large: at most ${maxBodyBytes} bytes`, 'BAD_USER_INPUT'));
  }
  return true;
}
