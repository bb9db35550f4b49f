/**
 * bench/observability-overhead: what tracing, metrics and message tracking cost the gateway. Two gateway processes
 * of the same bundle on the same running subgraphs, one with hub.yaml's observability on (A: every request traced at
 * sample_ratio 1, the spans kept in memory, Prometheus series, tracked fetches), one with all three off (B); both
 * with JSON log lines (the production format), so the access log costs the same in each. Load comes from a separate
 * process (autocannon, bench/gateway-overhead's load runner), the same connections and duration for both, runs
 * alternating A B A B after a warm-up of each, on the PartyOverview query of bench/gateway-overhead (four subgraphs,
 * five subgraph fetches per request) asked by 64 players in turn. Prints req/s, latency and the gateway's CPU per
 * request for each run, then the overhead, A against B, and whether it stays under issue 6's 10% target.
 * Run: npm run bench:observability [-- --connections 50 --duration 15 --warmup 10 --rounds 3]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { signUserToken } from '#lib/auth/jwt.js';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { repoRoot } from '#lib/config/paths.js';
import { bundlePath } from '../scripts/build-services.js';
import { gatewayClient } from '../scripts/gateway-client.js';
import { freePort, nodeFlags, startPlatform } from '../scripts/platform.js';
import { runLoad, type LoadResult } from './gateway-overhead/load.js';
import { cpuMs, stopChild, subgraphUrlEnv } from './gateway-overhead/processes.js';
import { PLAYERS, playerId, seedBenchData } from './gateway-overhead/seed.js';

const { values: args } = parseArgs({
  options: {
    // 50 connections: enough to keep a two-core gateway saturated, as bench/gateway-overhead measures.
    connections: { type: 'string', default: '50' },
    // 15 s per run: thousands of requests even at the slowest, so one stray pause does not decide a run.
    duration: { type: 'string', default: '15' },
    // 10 s of warm-up per gateway: the JIT, query-plan caches and connection pools settle in a few seconds.
    warmup: { type: 'string', default: '10' },
    // 3 rounds: the two cores are shared with the subgraphs and the load generator; more runs average that out.
    rounds: { type: 'string', default: '3' },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const rounds = Number(args.rounds);
// Issue 6: tracing and metrics on may cost the gateway at most 10% of its req/s.
const TARGET = 0.1;

const QUERY = `query PartyOverview($owner: ID!) {
  characters(first: 10, filter: { owner: $owner }) {
    edges { node { id name race class level armorClass maxHitPoints
      campaign { name setting party { name class level } }
      portrait { url width height }
      generations(first: 1) { text provider } } }
  }
}`;

/** The repository's hub.yaml with observability all on or all off, JSON logs either way, validated as start-up would. */
function writeHubYaml(dir: string, on: boolean): string {
  const config = parse(readFileSync(path.join(repoRoot, 'hub.yaml'), 'utf8')) as Record<string, unknown>;
  config.observability = {
    tracing: { enabled: on, sample_ratio: 1 },
    metrics: { enabled: on },
    tracking: { enabled: on },
    logs: { format: 'json' },
  };
  const file = path.join(dir, `hub-${on ? 'on' : 'off'}.yaml`);
  const text = stringify(config);
  parseHubConfig(text, file);
  writeFileSync(file, text);
  return file;
}

/** Our gateway as the platform runs it (same bundle and node flags), with its own hub database and hub.yaml. */
async function startGateway(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeFlags('gateway'), bundlePath('gateway')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Drained as the platform drains its children: a full pipe would stall the gateway's log writes.
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('gateway ready on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`gateway exited (code ${code}):\n${output}`)));
  });
  return child;
}

const load1 = () => loadavg()[0]?.toFixed(1) ?? '?';
const secret = randomBytes(32).toString('hex');
const workDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-observability-'));
const hubOn = writeHubYaml(workDir, true);
const hubOff = writeHubYaml(workDir, false);
// The platform's own gateway seeds the data; the subgraphs run with observability on, as in production.
const platform = await startPlatform({
  ports: 'free',
  dataDir: path.join(workDir, 'data'),
  env: { AUTH_JWT_SECRET: secret, HUB_CONFIG: hubOn },
  onLine: () => undefined,
});
const gateways: ChildProcess[] = [];
try {
  const started = Date.now();
  await seedBenchData(gatewayClient(`${platform.url}/graphql`, secret));
  console.log(`seeded ${PLAYERS} players with ${PLAYERS * 2} characters in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // The seeding gateway steps aside: A and B are started alike, each with a hub database of its own.
  await platform.stopProcess('gateway');
  const targets: Array<{ label: string; url: string; pid: number }> = [];
  for (const [label, hubConfig] of [
    ['A on ', hubOn],
    ['B off', hubOff],
  ] as const) {
    const port = await freePort();
    const child = await startGateway({
      ...subgraphUrlEnv(platform),
      PORT: String(port),
      AUTH_JWT_SECRET: secret,
      HUB_CONFIG: hubConfig,
      DATA_DIR: path.join(workDir, `gateway-${label.trim()}`),
    });
    gateways.push(child);
    if (!child.pid) throw new Error('gateway process has no pid');
    targets.push({ label, url: `http://127.0.0.1:${port}/graphql`, pid: child.pid });
  }

  const tokens = await Promise.all(Array.from({ length: PLAYERS }, (_, n) => signUserToken(playerId(n), secret)));
  const requests = tokens.map((token, n) => ({
    token,
    body: JSON.stringify({ query: QUERY, variables: { owner: playerId(n) }, operationName: 'PartyOverview' }),
  }));
  // Both gateways must give the same, whole answer, and A must really observe, before their speeds mean anything.
  const answers = await Promise.all(
    targets.map(async (target) => {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${requests[0]?.token}` },
        body: requests[0]?.body,
      });
      return { traceId: response.headers.get('x-trace-id'), body: (await response.json()) as { data?: unknown; errors?: unknown } };
    }),
  );
  const [a, b] = answers;
  if (!a?.body.data || a.body.errors || !isDeepStrictEqual(a.body, b?.body))
    throw new Error(`the gateways disagree or fail: ${JSON.stringify(answers).slice(0, 2000)}`);
  if (!a.traceId || b?.traceId) throw new Error(`gateway A must trace and B must not: x-trace-id ${a.traceId} / ${b?.traceId}`);

  console.log(
    `${connections} connections, ${duration} s per run after ${warmup} s warm-up per gateway, ${rounds} rounds A B; ` +
      `load average at start ${loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')} on a shared machine`,
  );
  for (const target of targets) await runLoad({ url: target.url, connections, durationSeconds: warmup, requests }, workDir);
  console.log(
    `\n${'gateway'.padEnd(8)}${'load1'.padStart(6)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'CPU ms/req'.padStart(11)}${'failed'.padStart(8)}`,
  );
  const results = new Map<string, Array<LoadResult & { cpu: number }>>(targets.map((target) => [target.label, []]));
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      const load = load1();
      const cpuBefore = cpuMs(target.pid);
      const run = await runLoad({ url: target.url, connections, durationSeconds: duration, requests }, workDir);
      const result = { ...run, cpu: (cpuMs(target.pid) - cpuBefore) / run.requests };
      results.get(target.label)?.push(result);
      const f = (value: number, width: number, digits = 1) => value.toFixed(digits).padStart(width);
      console.log(
        `${target.label.padEnd(8)}${load.padStart(6)}${f(result.rps, 8, 0)}${f(result.p50, 8)}${f(result.p99, 8)}${f(result.cpu, 11, 2)}${String(result.failed + result.withErrors).padStart(8)}`,
      );
    }
  }
  const mean = (label: string, pick: (r: LoadResult & { cpu: number }) => number) => {
    const list = results.get(label) ?? [];
    return list.reduce((sum, r) => sum + pick(r), 0) / list.length;
  };
  const [on, off] = targets.map((target) => target.label) as [string, string];
  const ratio = mean(on, (r) => r.rps) / mean(off, (r) => r.rps);
  const overhead = 1 - ratio;
  const cpuRatio = mean(on, (r) => r.cpu) / mean(off, (r) => r.cpu);
  console.log(
    `\nA/B req/s ${ratio.toFixed(3)} (${mean(on, (r) => r.rps).toFixed(0)} vs ${mean(off, (r) => r.rps).toFixed(0)}): ` +
      `observability costs ${(overhead * 100).toFixed(1)}% of the gateway's req/s, ` +
      `${overhead < TARGET ? 'under' : 'NOT under'} the ${TARGET * 100}% target; ` +
      `CPU per request ${cpuRatio.toFixed(2)}x (${mean(on, (r) => r.cpu).toFixed(2)} vs ${mean(off, (r) => r.cpu).toFixed(2)} ms), ` +
      `p99 ${mean(on, (r) => r.p99).toFixed(1)} vs ${mean(off, (r) => r.p99).toFixed(1)} ms`,
  );
} finally {
  for (const child of gateways) await stopChild(child);
  await platform.stop();
  rmSync(workDir, { recursive: true, force: true });
}
