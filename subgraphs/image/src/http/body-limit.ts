import { maxBase64Length } from '../upload/decode-base64.js';

// 64 KiB for everything around the image in a GraphQL request: the operation text, the prompt (4000 characters,
// up to 4 bytes each in UTF-8) and the JSON envelope, with room to spare.
const ENVELOPE_BYTES = 64 * 1024;

/** The largest POST /graphql body this service reads: the largest base64 upload plus the envelope. */
export function maxGraphqlBodyBytes(maxImageBytes: number): number {
  return maxBase64Length(maxImageBytes) + ENVELOPE_BYTES;
}
