import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '#lib/config/paths.js';
import type { TestPlatform } from './platform.js';

const run = promisify(execFile);

/**
 * Runs one of scripts/ (check, replay) against the test platform's databases, as an operator would with npm run.
 * PGlite directories belong to one process at a time: stop the services first.
 */
export function platformTool(platform: TestPlatform, script: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, DATA_DIR: platform.dataDir, ...(platform.schemaPrefix ? { DB_SCHEMA_PREFIX: platform.schemaPrefix } : {}) };
  return run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: repoRoot, env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: `${err.stdout}${err.stderr}` }),
  );
}

/** Stops every process of the platform, then runs `npm run check` on what they left. */
export async function checkAfterStop(platform: TestPlatform): Promise<{ code: number; stdout: string }> {
  for (const name of ['gateway', 'character', 'campaign', 'image', 'llm'] as const) await platform.stopProcess(name);
  return platformTool(platform, 'check');
}
