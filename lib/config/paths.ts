import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root, so that every process finds .data/ and config files wherever it is started from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where embedded state lives (PGlite directories, the generated secret). DATA_DIR lets tests use a temporary one. */
export function dataDir(): string {
  return process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(repoRoot, '.data');
}
