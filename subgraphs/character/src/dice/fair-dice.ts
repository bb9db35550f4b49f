import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Provably fair dice by commit-reveal. The server draws a secret seed and publishes sha256(seed) (the commitment)
 * before the roll; the dice of the roll are HMAC-SHA256(key = seed, message = "<clientSeed>:<nonce>:<expression>:<block>")
 * read as 32-bit words, block 0, 1, 2... as needed (the canonical expression is in the message so that a proof cannot
 * be passed off as another roll's, "+10" for "+5", with the same dice); afterwards the seed is revealed. Anyone can then recompute both: the
 * seed matches what was promised, and the dice are what the seed gives. Each seed serves one roll (the nonce, the
 * character's roll number, is in the message too, so that a proof names its place in the chain).
 */

// 32 bytes: a seed as strong as the SHA-256 commitment that hides it; nothing smaller keeps a preimage out of reach.
const SEED_BYTES = 32;
const WORD_RANGE = 2 ** 32;

/** A fresh secret seed, hex. */
export function newServerSeed(): string {
  return randomBytes(SEED_BYTES).toString('hex');
}

/** What is published before the roll: sha256 of the seed's bytes, hex. */
export function commitmentOf(serverSeed: string): string {
  return createHash('sha256').update(Buffer.from(serverSeed, 'hex')).digest('hex');
}

/**
 * The die faces a roll draws, in order: each a uniform 1..sides. Rejection sampling: a word at or above the largest
 * multiple of `sides` below 2^32 is skipped, so no face is favoured (plain `word % sides` would favour low faces).
 */
export function dieStream(serverSeed: string, clientSeed: string, nonce: number, expression = ''): (sides: number) => number {
  const key = Buffer.from(serverSeed, 'hex');
  let block = 0;
  let words: Buffer = Buffer.alloc(0);
  let offset = 0;
  const nextWord = (): number => {
    if (offset >= words.length) {
      words = createHmac('sha256', key).update(`${clientSeed}:${nonce}:${expression}:${block++}`).digest();
      offset = 0;
    }
    const word = words.readUInt32BE(offset);
    offset += 4;
    return word;
  };
  return (sides) => {
    const limit = WORD_RANGE - (WORD_RANGE % sides);
    for (;;) {
      const word = nextWord();
      if (word < limit) return (word % sides) + 1;
    }
  };
}
