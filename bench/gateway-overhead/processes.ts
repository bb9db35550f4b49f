/** The processes bench/gateway-overhead measures and their memory: the plain baseline, a profiled hub gateway. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '#lib/config/paths.js';
import { SERVICES } from '#lib/config/services.js';
import { BUILD_DIR, bundlePath } from '../../scripts/build-services.js';
import { nodeFlags, type Platform } from '../../scripts/platform.js';

export const SUPERGRAPH_PATH = path.join(repoRoot, 'gateway', 'supergraph.graphql');

/** The subgraph URLs of the running platform, as SUBGRAPH_URL_<NAME> variables. */
export function subgraphUrlEnv(platform: Platform): Record<string, string> {
  return Object.fromEntries(SERVICES.map((name) => [`SUBGRAPH_URL_${name.toUpperCase()}`, `http://127.0.0.1:${platform.ports[name]}/graphql`]));
}

/** Resolves once `child` prints a line matching `ready`; rejects if it exits first. */
async function waitForLine(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (code ${code}):\n${output.slice(-2000)}`)));
  });
}

/**
 * The baseline bundled the way the platform bundles our gateway (one ES module, esbuild, node20), so that both
 * gateways load the same way and neither pays a TypeScript loader in memory or start-up.
 */
export async function startPlainGateway(platform: Platform, port: number, secret: string): Promise<ChildProcess> {
  // Inside the repository (.build/), so that the packages left external resolve from its node_modules.
  mkdirSync(BUILD_DIR, { recursive: true });
  const buildDir = mkdtempSync(path.join(BUILD_DIR, 'bench-plain-'));
  const outfile = path.join(buildDir, 'plain-gateway.mjs');
  await build({
    entryPoints: [path.join(repoRoot, 'bench', 'plain-gateway.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // As the platform's bundles do (scripts/build-services.ts): bundled, this package would hash with pure-JS SHA-256.
    external: ['@apollo/utils.createhash'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const child = spawn(process.execPath, [outfile], {
    cwd: repoRoot,
    env: { ...process.env, ...subgraphUrlEnv(platform), PORT: String(port), AUTH_JWT_SECRET: secret, SUPERGRAPH_PATH, APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => rmSync(buildDir, { recursive: true, force: true }));
  await waitForLine(child, /plain gateway ready/, 'plain gateway');
  return child;
}

/**
 * Our gateway restarted by hand with `--cpu-prof` (Node refuses it in NODE_OPTIONS): same bundle, node flags, port
 * and environment as the platform gives it.
 */
export async function startProfiledGateway(platform: Platform, env: Record<string, string>, profileDir: string, profileName: string): Promise<ChildProcess> {
  await platform.stopProcess('gateway');
  const flags = [...nodeFlags('gateway'), '--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', profileName];
  const child = spawn(process.execPath, [...flags, bundlePath('gateway')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      ...subgraphUrlEnv(platform),
      PORT: String(platform.gatewayPort),
      HUB_URL: `${platform.url}/graphql`,
      APOLLO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /gateway ready on/, 'profiled gateway');
  return child;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Resets the peak resident set size of `pid` (Linux clear_refs "5"), so that each run reports its own peak. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident set size of `pid` in MiB (VmHWM). */
export function peakRssMiB(pid: number): number {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : NaN;
}

// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ, 100 on every mainstream kernel build).
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) `pid` has used so far, in milliseconds (/proc/<pid>/stat fields 14 and 15). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
