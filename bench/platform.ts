/**
 * bench/platform: what users do, through the gateway with every policy on (the default hub.yaml), measured end to
 * end. A mixed workload of the README's journeys (bench/platform/workload.ts): character sheets with campaign,
 * party and portrait, campaign pages with party, sessions and NPCs, lists of 20 with nested fields, 96 distinct
 * users each signing its own JWT, and 10% writes (create and update a character, award experience, schedule a
 * session). Load comes from a separate process (autocannon, bench/gateway-overhead/load-runner.ts); every answer
 * with GraphQL errors counts as an error, and a correct platform has none.
 *
 * Per run it prints req/s, p50/p95/p99, errors, and per process (gateway and every subgraph) the CPU ms per
 * request (/proc/<pid>/stat), SQL statements per request (db_statements_total at each subgraph's /metrics) and
 * peak RSS (VmHWM, reset before each run). On PGlite (embedded, each service its own database in a data directory)
 * and on PostgreSQL + Redis (a fresh database and Redis database per target, dropped and flushed at the end).
 *
 * With --baseline <ref> the same workload runs against the platform as of that git ref, checked out in a temporary
 * git worktree and started by its own scripts/platform.ts (bench/platform/driver.ts starts both trees the same
 * way); rounds alternate A B A B (A = this working tree, B = the baseline) after a warm-up of each, and the ratios
 * A/B follow. With --instances 2 (PostgreSQL only: PGlite's data directory is one process's), A runs once more
 * with two instances of every subgraph behind the gateway, its req/s and CPU per request beside one instance's.
 *
 * The last line is the summary: `platform: 4.2x req/s vs <ref> on pglite, 4.5x on postgres; p99 180 ms / 120 ms;
 * errors 0` (ratios A/B of req/s, A's p99 per database, A's errors over every measured run). A ratio without a
 * baseline, and any figure of a database not run (--db), is `n/a`; without --baseline the ref reads `none`.
 *
 * Run: npm run bench:platform [-- --baseline 4514738 --db pglite|postgres|both --connections 50 --duration 10
 *      --warmup 5 --rounds 2 --instances 2]     (PostgreSQL on 127.0.0.1:5432 as user postgres, Redis on 6379)
 *
 * What the cuts bought. Each cut was measured by CPU profiles of the subgraphs and the gateway under this workload
 * (share of the process's CPU before -> after); the whole, A/B against 4514738 in one run of this bench on a quiet
 * machine (2026-12-07): pglite 1.19x req/s (85 vs 72), p99 0.60x; postgres 1.09x (121 vs 111), p99 0.89x.
 *   - PGlite statements as named prepared statements in one protocol exchange (lib/db/pglite-prepared.ts): 1.0-1.5
 *     -> 0.3 ms per statement; subgraph CPU per request on PGlite 0.72-0.79x of B's.
 *   - PostgreSQL statements with parameters as named prepared statements (lib/db/pg-prepared.ts): parse and plan
 *     once per connection; on PostgreSQL the subgraphs' CPU per request is 0.93-0.98x of B's (the server's own
 *     planning is not counted here).
 *   - totalCount counted only when selected (lib/graphql/selects-field.ts): one statement less per list fetch
 *     (character SQL/request 2.35 -> 1.93).
 *   - Log redaction by one walk of the line (lib/telemetry/logger.ts): 143 -> 3 us per JSON line, about a tenth of
 *     the gateway's CPU; the lines of one event-loop turn in one write: the writes were 7% of the gateway's CPU.
 *   - Identity headers: jti from randomUUID's pool and HMAC keys imported once (lib/auth/identity.ts): 3% + 1% of
 *     the gateway's CPU, 1% of each subgraph's.
 * Not reached: 4x. What is left per request on PostgreSQL is about 10-13 ms of CPU spread over five processes
 * (gateway 3.3-3.5 ms: planning, merging, HTTP; each subgraph 2-3 ms: HTTP and yoga, identity check, execution,
 * drizzle, tracing); two cores then bound the platform at ~150-200 req/s, where 4x would need ~450.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '#lib/config/paths.js';
import { gatewayClient } from '../scripts/gateway-client.js';
import type { LoadRequest } from './gateway-overhead/load-runner.js';
import { measureRun, type Run } from './platform/measure.js';
import { compare, compareInstances, errorsOf, formatRun, RUN_HEADER, summaryLine, type Summary } from './platform/report.js';
import { seedPlatformData, soloVersions, type PlatformData } from './platform/seed.js';
import { checkoutBaseline, startTarget, type Db, type Target, type TargetSpec } from './platform/targets.js';
import { buildWorkload } from './platform/workload.js';

const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string' },
    db: { type: 'string', default: 'both' },
    // 50 connections: the load the issues quote their figures at; enough to keep every process of two cores busy.
    connections: { type: 'string', default: '50' },
    // 10 s per measured run: thousands of requests even on the slowest target, so p99 is not a handful of samples,
    // while four targets of two rounds stay within a few minutes.
    duration: { type: 'string', default: '10' },
    // 5 s warm-up per target: the JIT, query-plan caches and database pools settle within a few seconds.
    warmup: { type: 'string', default: '5' },
    // 2 rounds A B A B: a drift of the shared machine shows as a difference between rounds rather than between A and B.
    rounds: { type: 'string', default: '2' },
    // 1: the replicated run is extra minutes; --instances 2 asks for it.
    instances: { type: 'string', default: '1' },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const rounds = Number(args.rounds);
const instances = Number(args.instances);
if (!['pglite', 'postgres', 'both'].includes(args.db)) throw new Error(`--db ${args.db}: pglite, postgres or both`);
const dbs: Db[] = args.db === 'both' ? ['pglite', 'postgres'] : [args.db as Db];
const ref = args.baseline;

const load1 = () => loadavg()[0]?.toFixed(1) ?? '?';
const secret = randomBytes(32).toString('hex');
const workDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-platform-load-'));

interface Prepared {
  target: Target;
  data: PlatformData;
  requests: LoadRequest[];
}

/** Starts a target, seeds it through its gateway and checks that every read of the workload answers whole. */
async function prepare(spec: TargetSpec): Promise<Prepared> {
  const started = Date.now();
  const target = await startTarget(spec, secret);
  const seeding = Date.now();
  try {
    const data = await seedPlatformData(gatewayClient(`${target.url}/graphql`, secret));
    const requests = await buildWorkload(data, secret);
    for (const request of requests.slice(0, 9)) {
      const response = await fetch(`${target.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
        body: request.body,
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) throw new Error(`${spec.label} on ${spec.db} answers with errors: ${text.slice(0, 1000)}`);
    }
    console.log(
      `${spec.label} on ${spec.db}: started in ${((seeding - started) / 1000).toFixed(0)} s, seeded in ${((Date.now() - seeding) / 1000).toFixed(0)} s (${spec.root})`,
    );
    return { target, data, requests };
  } catch (err) {
    await target.stop();
    throw err;
  }
}

async function run(prepared: Prepared, seconds: number): Promise<Run> {
  const versions = await soloVersions(gatewayClient(`${prepared.target.url}/graphql`, secret), prepared.data);
  return measureRun(prepared.target, { connections, durationSeconds: seconds, requests: prepared.requests, versions, workDir, secret });
}

const baseline = ref ? checkoutBaseline(ref) : undefined;
const summaries: Partial<Record<Db, Summary>> = {};
const started: Prepared[] = [];
try {
  console.log(
    `${connections} connections, ${duration} s per run after ${warmup} s warm-up per target, ${rounds} rounds; load average at start ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')} on a shared machine`,
  );
  for (const db of dbs) {
    const specs: TargetSpec[] = [{ label: 'A', root: repoRoot, db, instances: 1 }];
    if (baseline) specs.push({ label: 'B', root: baseline.root, db, instances: 1 });
    const targets: Prepared[] = [];
    for (const spec of specs) {
      const prepared = await prepare(spec);
      started.push(prepared);
      targets.push(prepared);
    }
    for (const target of targets) {
      const result = await run(target, warmup);
      if (errorsOf(result))
        console.log(`warm-up of ${target.target.spec.label} on ${db}: ${errorsOf(result)} errors, first: ${result.errorSample ?? 'non-2xx'}`);
    }
    console.log(`\n${RUN_HEADER}`);
    const results = new Map<string, Run[]>(specs.map((spec) => [spec.label, []]));
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        const load = load1();
        const result = await run(target, duration);
        results.get(target.target.spec.label)?.push(result);
        console.log(formatRun(db, String(round), load, result));
      }
    }
    const { lines, summary } = compare(db, results.get('A') ?? [], results.get('B'), ref);
    summaries[db] = summary;

    if (instances > 1 && db === 'postgres') {
      // The 1-instance targets stop first: the replicated platform gets the cores the way A had them.
      for (const target of targets) await stopTarget(target);
      const replicated = await prepare({ label: `A×${instances}`, root: repoRoot, db, instances });
      started.push(replicated);
      await run(replicated, warmup);
      const two: Run[] = [];
      for (let round = 1; round <= rounds; round++) {
        const load = load1();
        const result = await run(replicated, duration);
        two.push(result);
        console.log(formatRun(db, String(round), load, result));
      }
      summary.errors += two.reduce((sum, result) => sum + errorsOf(result), 0);
      lines.push(...compareInstances(results.get('A') ?? [], two));
    } else if (instances > 1) {
      lines.push(`${db}: --instances ${instances} skipped (PGlite's data directory belongs to one process)`);
    }
    console.log(`\n${lines.join('\n')}\n`);
    for (const target of targets) await stopTarget(target);
  }
} finally {
  for (const target of [...started]) await stopTarget(target);
  baseline?.remove();
  rmSync(workDir, { recursive: true, force: true });
}
console.log(summaryLine(ref, summaries.pglite, summaries.postgres));

async function stopTarget(prepared: Prepared): Promise<void> {
  const index = started.indexOf(prepared);
  if (index < 0) return;
  started.splice(index, 1);
  await prepared.target.stop();
}
