import { invalidInput } from '#lib/domain/index.js';

// Standard alphabet, padded to a multiple of 4: what btoa, Buffer#toString('base64') and `base64 -w0` write.
// Buffer.from(s, 'base64') alone would silently skip invalid characters and decode garbage.
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The longest base64 text that can decode to at most maxBytes bytes (4 characters per 3 bytes, padded). */
export function maxBase64Length(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4;
}

/**
 * Decodes the upload, refusing anything that is not strict base64 or that decodes to more than maxBytes.
 * The length check runs on the text first, so an oversized string is refused without allocating its decoded buffer.
 */
export function decodeBase64Upload(text: string, maxBytes: number, field = 'dataBase64'): Buffer {
  if (text.length === 0) throw invalidInput(`${field} is empty: send the image's bytes as base64`, { field });
  if (text.length > maxBase64Length(maxBytes)) throw tooLarge(field, maxBytes);
  if (!STRICT_BASE64.test(text)) {
    const hint = text.startsWith('data:') ? ' (send the base64 only, without the data: URL prefix)' : '';
    throw invalidInput(`${field} is not valid base64${hint}`, { field });
  }
  const bytes = Buffer.from(text, 'base64');
  // The text bound allows up to 2 bytes more than maxBytes (padding granularity): the exact check is here.
  if (bytes.length > maxBytes) throw tooLarge(field, maxBytes);
  return bytes;
}

function tooLarge(field: string, maxBytes: number) {
  return invalidInput(`${field} is too large: images may be at most ${maxBytes} bytes`, { field, maxBytes });
}
