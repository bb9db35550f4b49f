import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { repoRoot } from '../config/paths.js';

/**
 * PGlite's first boot runs initdb (4-8 s of CPU); a later boot of the same directory takes 0.4 s.
 * Four services starting cold on two cores would run initdb four times at once, so the first one to need it
 * initialises one empty cluster into a cache and every service database starts as a copy of it
 * (a cleanly closed data directory is a valid cold copy). The cache is keyed by PGlite's version, since a
 * data directory only opens with the version that wrote it.
 */
// The package does not export its package.json, so it is read from the file.
const pgliteVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string })
  .version;
const templateDir = path.join(repoRoot, 'node_modules', '.cache', 'dnd-tools', `pglite-${pgliteVersion}`);
const lockDir = `${templateDir}.lock`;

// 120 s: an initdb on a loaded two-core machine has been seen to take 10 s; past ten times that the holder died.
const LOCK_STALE_MS = 120_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function buildTemplate(): Promise<void> {
  const staging = `${templateDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const db = await PGlite.create(staging);
  await db.close();
  // rename is atomic: other processes see either no template or a complete one.
  renameSync(staging, templateDir);
}

export async function ensureTemplate(): Promise<string> {
  mkdirSync(path.dirname(templateDir), { recursive: true });
  const started = Date.now();
  while (!existsSync(templateDir)) {
    try {
      mkdirSync(lockDir); // atomic: exactly one process builds
    } catch {
      if (Date.now() - started > LOCK_STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      await sleep(100);
      continue;
    }
    try {
      if (!existsSync(templateDir)) await buildTemplate();
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
  return templateDir;
}

/** Seeds an empty service directory from the template; a directory that already holds a database is left alone. */
export async function seedFromTemplate(dir: string): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) return;
  const template = await ensureTemplate();
  cpSync(template, dir, { recursive: true });
}
