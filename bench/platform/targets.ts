/**
 * The platforms bench/platform measures: one tree (this one or a baseline checkout) on one database, started by
 * bench/platform/driver.ts in its own process, each with a fresh data directory, PostgreSQL database and Redis
 * database, so that no target sees another's rows, caches or rate-limit counters.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '#lib/config/paths.js';
import type { DriverOptions, DriverReady } from './driver.js';

export type Db = 'pglite' | 'postgres';

export interface TargetSpec {
  /** A, B or A×2: how the tables name it. */
  label: string;
  root: string;
  db: Db;
  instances: number;
}

export interface Target extends DriverReady {
  spec: TargetSpec;
  stop(): Promise<void>;
}

// As .ci/run: the server on 127.0.0.1, user postgres without a password.
const PG_ADMIN = ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc'];
const REDIS = { host: '127.0.0.1', port: 6379 };
// Redis databases 11 and up: clear of database 0, which the test suites (.ci/run) use, one per target started.
let nextRedisDb = 11;

function psql(sql: string): void {
  execFileSync('psql', [...PG_ADMIN, sql], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function redisCli(db: number, ...command: string[]): void {
  execFileSync('redis-cli', ['-h', REDIS.host, '-p', String(REDIS.port), '-n', String(db), ...command], { stdio: 'ignore' });
}

/** Starts the target; stop() ends its platform and drops its database, Redis keys and data directory. */
export async function startTarget(spec: TargetSpec, secret: string): Promise<Target> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-platform-'));
  const env: Record<string, string> = { AUTH_JWT_SECRET: secret };
  const cleanups: Array<() => void> = [() => rmSync(workDir, { recursive: true, force: true })];
  if (spec.db === 'postgres') {
    const database = `bench_platform_${process.pid}_${nextRedisDb}`;
    const redisDb = nextRedisDb++;
    psql(`CREATE DATABASE ${database}`);
    redisCli(redisDb, 'FLUSHDB');
    cleanups.push(() => psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    cleanups.push(() => redisCli(redisDb, 'FLUSHDB'));
    env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${database}`;
    env.REDIS_URL = `redis://${REDIS.host}:${REDIS.port}/${redisDb}`;
  }
  const options: DriverOptions = { dataDir: path.join(workDir, 'data'), env, instances: spec.instances };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'platform', 'driver.ts'), spec.root, JSON.stringify(options)], {
    cwd: spec.root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cleanUp = () => {
    for (const cleanup of cleanups.reverse()) cleanup();
  };
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<DriverReady>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line) as DriverReady);
    });
    void exited.then(() => reject(new Error(`${spec.label} (${spec.root}) did not start:\n${stderr}`)));
  }).catch((err: unknown) => {
    cleanUp();
    throw err;
  });
  return {
    ...ready,
    spec,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      cleanUp();
    },
  };
}

/**
 * A detached checkout of `ref` in a temporary directory, with this tree's node_modules linked in (the baseline's
 * packages are ours minus the few HEAD added, same versions). remove() deletes it with its git worktree entry.
 */
export function checkoutBaseline(ref: string): { root: string; remove(): void } {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'dnd-bench-baseline-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', root, ref], { cwd: repoRoot, stdio: 'ignore' });
  symlinkSync(realpathSync(path.join(repoRoot, 'node_modules')), path.join(root, 'node_modules'));
  return {
    root,
    remove() {
      execFileSync('git', ['worktree', 'remove', '--force', root], { cwd: repoRoot, stdio: 'ignore' });
      rmSync(path.dirname(root), { recursive: true, force: true });
    },
  };
}
