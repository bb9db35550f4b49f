import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config/paths.js';

export interface AuthSecret {
  secret: string;
  /** True when generated into .data/ (the embedded default); only then may GraphiQL carry a demo token. */
  embedded: boolean;
}

// 32 bytes: the full strength of HMAC-SHA256; a shorter secret would be the weakest link.
const MIN_SECRET_LENGTH = 32;

/** AUTH_JWT_SECRET, or a secret generated once into DATA_DIR/auth-secret and shared by every local process. */
export function loadAuthSecret(): AuthSecret {
  const fromEnv = process.env.AUTH_JWT_SECRET;
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return { secret: fromEnv, embedded: false };
  }
  const dir = dataDir();
  const file = path.join(dir, 'auth-secret');
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx' fails when the file exists: five processes starting together agree on the first one written.
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let secret = readFileSync(file, 'utf8').trim();
  // Another process may have created the file but not yet written it.
  for (let i = 0; secret.length < MIN_SECRET_LENGTH && i < 50; i++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    secret = readFileSync(file, 'utf8').trim();
  }
  return { secret, embedded: true };
}
