/**
 * bench/startup: seconds from `npm start` to the first successful cross-subgraph query:
 * - first: a fresh clone's first start if `npm install`'s prepare step had not run (no .data/, no bundles, no
 *   PGlite template cache: build, one initdb, copies); with it (the README's path) the first start is a cold one,
 * - cold: no .data/ (template cached: copies, migrations, secret generation),
 * - warm: the same data directory started again.
 * Run: npm run bench:startup [-- <runs>]   (default 3 runs of each; prints every run and the median)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signUserToken } from '#lib/auth/jwt.js';
import { repoRoot } from '#lib/config/paths.js';
import { freePort } from '../scripts/platform.js';

// Touches a root field of each of the four subgraphs: answers even on an empty platform.
const QUERY = `{ characters(first: 1) { totalCount } campaigns(first: 1) { totalCount }
  images(first: 1) { totalCount } generations(first: 1) { totalCount } }`;

async function firstSuccessfulQuery(port: number, dataDir: string, deadline: number): Promise<void> {
  const secretFile = path.join(dataDir, 'auth-secret');
  while (Date.now() < deadline) {
    try {
      if (existsSync(secretFile)) {
        const token = await signUserToken('bench-user', readFileSync(secretFile, 'utf8').trim());
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
        if (response.ok && !body.errors && body.data && Object.keys(body.data).length === 4) return;
      }
    } catch {
      // not up yet
    }
    // 50 ms polling: fine-grained enough for a figure in tenths of seconds.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no successful query within the deadline');
}

async function measure(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/start-all.ts')], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), NO_COLOR: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  try {
    await firstSuccessfulQuery(port, dataDir, Date.now() + 90_000);
    return (performance.now() - started) / 1000;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}

const runs = Number(process.argv[2] ?? 3);
const templateCache = path.join(repoRoot, 'node_modules', '.cache', 'dnd-tools');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const first: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const firstDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-startup-'));
  rmSync(templateCache, { recursive: true, force: true });
  rmSync(path.join(repoRoot, '.build'), { recursive: true, force: true });
  try {
    first.push(await measure(firstDir));
  } finally {
    rmSync(firstDir, { recursive: true, force: true });
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-startup-'));
  try {
    cold.push(await measure(dataDir));
    warm.push(await measure(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`run ${i + 1}: first ${first.at(-1)?.toFixed(2)} s, cold ${cold.at(-1)?.toFixed(2)} s, warm ${warm.at(-1)?.toFixed(2)} s`);
}
console.log(
  `startup (npm start -> first cross-subgraph query), median of ${runs}: ` +
    `first ${median(first).toFixed(2)} s, cold ${median(cold).toFixed(2)} s, warm ${median(warm).toFixed(2)} s`,
);
