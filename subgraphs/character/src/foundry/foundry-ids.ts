import { createHash } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Foundry document ids are 16 alphanumeric characters.
const ID_LENGTH = 16;

/**
 * A Foundry document id derived from the character and what the document is ("class", "item:3"), so that the same
 * character always exports the same ids: a re-import into Foundry updates its items instead of duplicating them.
 */
export function foundryId(characterId: string, key: string): string {
  const digest = createHash('sha256').update(`${characterId}\u0000${key}`).digest();
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[digest[i]! % ALPHABET.length];
  return id;
}
