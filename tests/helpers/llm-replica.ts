/**
 * A second llm instance beside a test platform. On PostgreSQL (DATABASE_URL) it is the platform's own replica, on
 * the same schema. On embedded PGlite two processes cannot share one database directory, so it gets a directory
 * of its own: its generations are stored apart, which tests of shared rate limits (kept in Redis) do not read.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '#lib/config/paths.js';
import { bundlePath } from '../../scripts/build-services.js';
import { nodeFlags } from '../../scripts/platform.js';
import { E2E_SECRET, type TestPlatform } from './platform.js';

export interface LlmReplica {
  stop(): Promise<void>;
}

async function waitForHealth(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the llm replica exited during start-up');
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    // 100 ms: as scripts/platform.ts polls its processes.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the llm replica did not answer /health within ${timeoutMs} ms`);
}

/** Starts the replica on `port` with the environment the platform's llm has (`env`: what the test gave the platform). */
export async function startLlmReplica(platform: TestPlatform, port: number, env: NodeJS.ProcessEnv): Promise<LlmReplica> {
  if (process.env.DATABASE_URL) return platform.startReplica('llm', port);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-e2e-replica-'));
  const child = spawn(process.execPath, [...nodeFlags('llm'), bundlePath('llm')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      AUTH_JWT_SECRET: E2E_SECRET,
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HUB_URL: `${platform.url}/graphql`,
      APOLLO_TELEMETRY_DISABLED: '1',
    },
    // The IPC channel is the lifeline the services watch (lib/process/stop-with-parent.ts).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) =>
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((l) => `[llm-replica] ${l}`),
      ),
    );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      // 10 s: the services' own drain limit, as scripts/platform.ts allows; past it the process is stuck.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // 120 s: a PGlite first boot beside a whole platform on two busy cores.
    await waitForHealth(`http://127.0.0.1:${port}`, () => child.exitCode !== null, 120_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${lines.slice(-30).join('\n')}`, { cause: err });
  }
  return { stop };
}
