import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export interface HashedFields {
  previousHash: string | null;
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  metadata: unknown;
}

/**
 * sha256 (hex) of one event chained to its predecessor. The fields are hashed as one canonical JSON array
 * rather than concatenated, so that no two different field tuples can produce the same input text.
 */
export function eventHash(fields: HashedFields): string {
  const input = canonicalJson([fields.previousHash, fields.streamId, fields.streamVersion, fields.type, fields.data, fields.metadata]);
  return createHash('sha256').update(input, 'utf8').digest('hex');
}
