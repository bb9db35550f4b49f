/** Runs bench/gateway-overhead's load generator (load-runner.ts) as a separate process and reads its result. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '#lib/config/paths.js';
import type { LoadConfig, LoadResult } from './load-runner.js';

export type { LoadResult };

export async function runLoad(config: LoadConfig, workDir: string): Promise<LoadResult> {
  const configPath = path.join(workDir, `load-${process.hrtime.bigint()}.json`);
  writeFileSync(configPath, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'gateway-overhead', 'load-runner.ts'), configPath], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const last = stdout.trim().split('\n').pop();
  if (code !== 0 || !last) throw new Error(`load runner failed (code ${code}): ${stderr.slice(-2000)}`);
  return JSON.parse(last) as LoadResult;
}
