/**
 * bench/gateway-overhead: our gateway (A, the process `npm start` runs, every hub policy on) against plain
 * @apollo/gateway in @apollo/server 5 with its defaults (B, bench/plain-gateway.ts), on the same running subgraphs.
 * Load comes from a separate process (autocannon, load-runner.ts), the same connections and duration for both,
 * runs alternating A B A B after a warm-up of each, on two workloads of the README's PartyOverview shape (four
 * subgraphs, five subgraph fetches per request):
 *   (a) every request the same query, variables and user;
 *   (b) every request another player asking for their own characters (64 players, more than the connections).
 * Prints req/s, p50/p95/p99 latency, peak RSS and CPU time per request of each gateway process, the ratios A/B, and
 * how fast a field of a subgraph whose breaker is open is answered (n/a while there is no breaker), and what the
 * request-bound identity of one subgraph request costs (gateway-overhead/identity-cost.ts). The subgraphs
 * share the machine's cores with both gateways, so req/s is bounded by their work too; CPU ms per request is the
 * gateway's own cost alone (the subgraphs' CPU per request is printed beside it).
 * Run: npm run bench:gateway [-- --connections 50 --duration 15 --warmup 10 --rounds 2]
 *      npm run bench:gateway -- --cpu-prof <dir>   writes a CPU profile of our gateway per workload instead
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { OPERATOR_ROLE, signUserToken } from '#lib/auth/jwt.js';
import { SERVICES } from '#lib/config/services.js';
import { freePort, startPlatform } from '../scripts/platform.js';
import { gatewayClient } from '../scripts/gateway-client.js';
import { measureOpenBreaker } from './gateway-overhead/breaker.js';
import { measureIdentityCost } from './gateway-overhead/identity-cost.js';
import { runLoad, type LoadResult } from './gateway-overhead/load.js';
import { cpuMs, peakRssMiB, resetPeakRss, startPlainGateway, startProfiledGateway, stopChild } from './gateway-overhead/processes.js';
import { PLAYERS, playerId, seedBenchData } from './gateway-overhead/seed.js';

/** One measured run: the load generator's figures, the gateway's peak RSS (MiB), and CPU ms per request of the
 * gateway and of the four subgraphs together. */
type Run = LoadResult & { rss: number; cpu: number; subgraphsCpu: number };

const { values: args } = parseArgs({
  options: {
    // 50 connections: the load the issues quote their figures at; enough to keep a two-core gateway saturated.
    connections: { type: 'string', default: '50' },
    // 15 s per measured run: thousands of requests even at the slowest, so p99 is not one stray pause.
    duration: { type: 'string', default: '15' },
    // 10 s warm-up per gateway and workload: the JIT, query-plan caches and connection pools settle in a few seconds.
    warmup: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    'cpu-prof': { type: 'string' },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const rounds = Number(args.rounds);

const QUERY = `query PartyOverview($owner: ID!) {
  characters(first: 10, filter: { owner: $owner }) {
    edges { node { id name race class level armorClass maxHitPoints
      campaign { name setting party { name class level } }
      portrait { url width height }
      generations(first: 1) { text provider } } }
  }
}`;

const load1 = () => loadavg()[0]?.toFixed(1) ?? '?';
const secret = randomBytes(32).toString('hex');
const workDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-gateway-'));
const platform = await startPlatform({ ports: 'free', dataDir: path.join(workDir, 'data'), env: { AUTH_JWT_SECRET: secret }, onLine: () => undefined });
const plainPort = await freePort();
let plain: Awaited<ReturnType<typeof startPlainGateway>> | undefined;
try {
  const started = Date.now();
  await seedBenchData(gatewayClient(`${platform.url}/graphql`, secret));
  console.log(`seeded ${PLAYERS} players with ${PLAYERS * 2} characters in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const tokens = await Promise.all(Array.from({ length: PLAYERS }, (_, n) => signUserToken(playerId(n), secret)));
  const request = (n: number) => ({
    token: tokens[n] ?? '',
    body: JSON.stringify({ query: QUERY, variables: { owner: playerId(n) }, operationName: 'PartyOverview' }),
  });
  const workloads = [
    { name: '(a) same query', requests: [request(0)] },
    { name: '(b) varied', requests: Array.from({ length: PLAYERS }, (_, n) => request(n)) },
  ];

  if (args['cpu-prof']) {
    const profileDir = path.resolve(args['cpu-prof']);
    for (const [index, workload] of workloads.entries()) {
      const child = await startProfiledGateway(
        platform,
        { AUTH_JWT_SECRET: secret, DATA_DIR: path.join(workDir, 'data') },
        profileDir,
        `gateway-${'ab'[index]}.cpuprofile`,
      );
      const result = await runLoad({ url: `${platform.url}/graphql`, connections, durationSeconds: duration + warmup, requests: workload.requests }, workDir);
      await stopChild(child);
      console.log(`${workload.name}: ${result.rps.toFixed(0)} req/s under the profiler (load ${load1()}), profile in ${profileDir}`);
    }
    process.exit(0);
  }

  plain = await startPlainGateway(platform, plainPort, secret);
  const ours = platform.children.get('gateway');
  if (!ours?.pid || !plain.pid) throw new Error('gateway processes have no pid');
  const targets = [
    { label: 'A ours ', url: `${platform.url}/graphql`, pid: ours.pid },
    { label: 'B plain', url: `http://127.0.0.1:${plainPort}/graphql`, pid: plain.pid },
  ];

  // Both gateways must give the same, whole answer before their speed means anything.
  for (const n of [0, 1, PLAYERS - 1]) {
    const { token, body } = request(n);
    const answers = await Promise.all(
      targets.map(async (target) => {
        const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        return (await response.json()) as { data?: { characters: { edges: Array<{ node: { campaign: { party: unknown[] } | null } }> } }; errors?: unknown };
      }),
    );
    const [a, b] = answers;
    if (a?.errors || !a?.data || !isDeepStrictEqual(a, b))
      throw new Error(`the gateways disagree or fail for ${playerId(n)}: ${JSON.stringify(answers).slice(0, 2000)}`);
    if (a.data.characters.edges.length !== 2 || a.data.characters.edges.some((edge) => edge.node.campaign?.party.length !== 4)) {
      throw new Error(`seeded data incomplete for ${playerId(n)}: ${JSON.stringify(a).slice(0, 2000)}`);
    }
  }

  const subgraphPids = SERVICES.map((name) => platform.children.get(name)?.pid ?? 0);
  const subgraphsCpuMs = () => subgraphPids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const canResetRss = targets.every((target) => resetPeakRss(target.pid));
  console.log(
    `${connections} connections, ${duration} s per run after ${warmup} s warm-up per gateway and workload, ${rounds} rounds A B; ` +
      `load average at start ${loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')} on a shared machine`,
  );
  console.log(`peak RSS: ${canResetRss ? 'per run (VmHWM reset before each)' : 'since process start (VmHWM could not be reset)'}`);
  const header = `${'workload'.padEnd(16)}${'gateway'.padEnd(9)}${'load1'.padStart(6)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'RSS MiB'.padStart(9)}${'CPU ms/req'.padStart(11)}${'subgraphs'.padStart(11)}${'failed'.padStart(8)}`;
  const summaries: string[] = [];
  for (const workload of workloads) {
    const config = (url: string, seconds: number) => ({ url, connections, durationSeconds: seconds, requests: workload.requests });
    for (const target of targets) await runLoad(config(target.url, warmup), workDir);
    console.log(`\n${header}`);
    const results = new Map<string, Array<Run>>(targets.map((target) => [target.label, []]));
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) {
        resetPeakRss(target.pid);
        const load = load1();
        const [cpuBefore, subgraphsBefore] = [cpuMs(target.pid), subgraphsCpuMs()];
        const loadResult = await runLoad(config(target.url, duration), workDir);
        const perRequest = (ms: number) => ms / loadResult.requests;
        const cpu = perRequest(cpuMs(target.pid) - cpuBefore);
        const result = { ...loadResult, rss: peakRssMiB(target.pid), cpu, subgraphsCpu: perRequest(subgraphsCpuMs() - subgraphsBefore) };
        results.get(target.label)?.push(result);
        const f = (value: number, width: number, digits = 1) => value.toFixed(digits).padStart(width);
        console.log(
          `${workload.name.padEnd(16)}${target.label.padEnd(9)}${load.padStart(6)}${f(result.rps, 8, 0)}${f(result.p50, 8)}${f(result.p95, 8)}${f(result.p99, 8)}${f(result.rss, 9, 0)}${f(result.cpu, 11, 2)}${f(result.subgraphsCpu, 11, 2)}${String(result.failed + result.withErrors).padStart(8)}`,
        );
      }
    }
    const mean = (label: string, pick: (r: Run) => number) => {
      const list = results.get(label) ?? [];
      return list.reduce((sum, r) => sum + pick(r), 0) / list.length;
    };
    const peak = (label: string) => Math.max(...(results.get(label) ?? []).map((r) => r.rss));
    const [a, b] = targets.map((target) => target.label) as [string, string];
    summaries.push(
      `${workload.name.padEnd(16)} A/B req/s ${(mean(a, (r) => r.rps) / mean(b, (r) => r.rps)).toFixed(2)}x` +
        ` (${mean(a, (r) => r.rps).toFixed(0)} vs ${mean(b, (r) => r.rps).toFixed(0)}),` +
        ` p50 ${(mean(a, (r) => r.p50) / mean(b, (r) => r.p50)).toFixed(2)}x, p95 ${(mean(a, (r) => r.p95) / mean(b, (r) => r.p95)).toFixed(2)}x,` +
        ` p99 ${(mean(a, (r) => r.p99) / mean(b, (r) => r.p99)).toFixed(2)}x (${mean(a, (r) => r.p99).toFixed(1)} vs ${mean(b, (r) => r.p99).toFixed(1)} ms),` +
        ` peak RSS ${(peak(a) / peak(b)).toFixed(2)}x (${peak(a).toFixed(0)} vs ${peak(b).toFixed(0)} MiB),` +
        ` CPU per request ${(mean(a, (r) => r.cpu) / mean(b, (r) => r.cpu)).toFixed(2)}x (${mean(a, (r) => r.cpu).toFixed(2)} vs ${mean(b, (r) => r.cpu).toFixed(2)} ms)`,
    );
  }
  console.log(`\nratios, means over the rounds (A = ours, B = plain @apollo/gateway in @apollo/server):\n${summaries.join('\n')}`);
  // Query.hub, which tells when the breaker is open, is for operators; the timed llm field is asked as a player.
  const identity = measureIdentityCost();
  console.log(
    `identity per subgraph request: ${(identity.totalUs / 1000).toFixed(3)} ms (gateway signs ${identity.signUs.toFixed(1)} µs, subgraph verifies and claims its id ${identity.verifyUs.toFixed(1)} µs; budget 0.2 ms)`,
  );
  console.log(await measureOpenBreaker(platform, tokens[0] ?? '', await signUserToken('bench-operator', secret, undefined, [OPERATOR_ROLE]), warmup));
} finally {
  if (plain) await stopChild(plain);
  await platform.stop();
  rmSync(workDir, { recursive: true, force: true });
}
