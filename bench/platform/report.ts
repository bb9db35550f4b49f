/** How bench/platform prints its runs, the ratios A/B of one database and the summary line. */
import type { Run } from './measure.js';

const f = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits));
// The gateway first, then the subgraphs as SERVICES lists them, each replica after its primary.
const ORDER = ['gateway', 'character', 'campaign', 'image', 'llm'];
const rank = (name: string) => ORDER.indexOf(name.split('#')[0] ?? name) * 10 + (name.includes('#') ? 1 : 0);
const ordered = (names: string[]) => [...names].sort((a, b) => rank(a) - rank(b));
const perProcess = (values: Record<string, number>, digits: number) =>
  ordered(Object.keys(values))
    .map((name) => [name, values[name] ?? NaN] as const)
    .map(([name, value]) => `${name} ${f(value, digits)}`)
    .join(', ');

export const errorsOf = (run: Run) => run.failed + run.withErrors;

/** Per subgraph (replicas summed): its CPU per fetch the gateway made to it, the issue's "CPU per entity fetch". */
export function cpuPerFetch(run: Run): Record<string, number> {
  const cpu: Record<string, number> = {};
  for (const [name, ms] of Object.entries(run.cpu)) {
    const service = name.split('#')[0] ?? name;
    if (service !== 'gateway') cpu[service] = (cpu[service] ?? 0) + ms;
  }
  return Object.fromEntries(Object.entries(cpu).map(([service, ms]) => [service, ms / (run.fetches[service] ?? NaN)]));
}

export const RUN_HEADER = `${'db'.padEnd(9)}${'target'.padEnd(8)}${'round'.padStart(6)}${'load1'.padStart(6)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}`;

export function formatRun(db: string, round: string, load1: string, run: Run): string {
  const lines = [
    `${db.padEnd(9)}${run.label.padEnd(8)}${round.padStart(6)}${load1.padStart(6)}${f(run.rps, 0).padStart(8)}${f(run.p50).padStart(8)}${f(run.p95).padStart(8)}${f(run.p99).padStart(8)}${String(errorsOf(run)).padStart(8)}`,
    `    CPU ms/req: ${perProcess(run.cpu, 2)}`,
    `    SQL statements/req: ${perProcess(run.sql, 2)}`,
    `    peak RSS MiB: ${perProcess(run.rss, 0)}`,
    `    CPU ms/fetch: ${perProcess(cpuPerFetch(run), 2)}`,
  ];
  if (run.errorSample) lines.push(`    first error: ${run.errorSample.slice(0, 400)}`);
  return lines.join('\n');
}

// Issue 16's targets for a subgraph's CPU per entity fetch: PGlite runs the database in the service's own process.
const FETCH_CPU_TARGET_MS: Record<string, number> = { pglite: 6, postgres: 3 };

const mean = (runs: Run[], pick: (run: Run) => number | undefined) => runs.reduce((sum, run) => sum + (pick(run) ?? NaN), 0) / runs.length;
const peak = (runs: Run[], name: string) => Math.max(...runs.map((run) => run.rss[name] ?? NaN));

export interface Summary {
  rps: number;
  p99: number;
  errors: number;
  /** req/s of A over B's; undefined without a baseline. */
  ratio?: number;
}

/** The means of `runs` (one target's rounds) and, given B's runs, the ratios A/B; returns the lines to print. */
export function compare(db: string, a: Run[], b: Run[] | undefined, ref: string | undefined): { lines: string[]; summary: Summary } {
  const summary: Summary = { rps: mean(a, (run) => run.rps), p99: mean(a, (run) => run.p99), errors: a.reduce((sum, run) => sum + errorsOf(run), 0) };
  const perFetch = Object.fromEntries(Object.keys(a[0]?.fetches ?? {}).map((service) => [service, mean(a, (run) => cpuPerFetch(run)[service])]));
  const lines = [
    `${db}: A ${f(summary.rps, 0)} req/s, p99 ${f(summary.p99)} ms, errors ${summary.errors} (means over ${a.length} rounds)`,
    `${db}: A's subgraph CPU per fetch: ${perProcess(perFetch, 2)} ms (target ≤ ${FETCH_CPU_TARGET_MS[db] ?? 'n/a'} ms)`,
  ];
  if (!b?.length) return { lines, summary };
  summary.ratio = summary.rps / mean(b, (run) => run.rps);
  const ratio = (pick: (run: Run) => number | undefined) => f(mean(a, pick) / mean(b, pick), 2);
  const names = ordered(Object.keys(a[0]?.cpu ?? {}));
  lines.push(
    `${db}: A/B vs ${ref}: req/s ${f(summary.ratio, 2)}x (${f(summary.rps, 0)} vs ${f(
      mean(b, (run) => run.rps),
      0,
    )}), ` +
      `p99 ${ratio((run) => run.p99)}x (${f(summary.p99)} vs ${f(mean(b, (run) => run.p99))} ms), B errors ${b.reduce((sum, run) => sum + errorsOf(run), 0)}`,
    `    CPU per request A/B: ${names.map((name) => `${name} ${ratio((run) => run.cpu[name])}x`).join(', ')}`,
    `    peak RSS A/B: ${names.map((name) => `${name} ${f(peak(a, name) / peak(b, name), 2)}x`).join(', ')}`,
  );
  return { lines, summary };
}

/** One instance of each subgraph against two: req/s and CPU per request side by side. */
export function compareInstances(one: Run[], two: Run[]): string[] {
  const total = (run: Run) => Object.values(run.cpu).reduce((sum, value) => sum + value, 0);
  return [
    `postgres, 1 vs 2 instances of each subgraph: req/s ${f(
      mean(one, (run) => run.rps),
      0,
    )} vs ${f(
      mean(two, (run) => run.rps),
      0,
    )}, ` + `CPU ms/req of all processes ${f(mean(one, total), 2)} vs ${f(mean(two, total), 2)}`,
    `    CPU ms/req with 2 instances: ${perProcess(Object.fromEntries(Object.keys(two[0]?.cpu ?? {}).map((name) => [name, mean(two, (run) => run.cpu[name])])), 2)}`,
  ];
}

/** The last line: `platform: 4.2x req/s vs <ref> on pglite, 4.5x on postgres; p99 180 ms / 120 ms; errors 0`. */
export function summaryLine(ref: string | undefined, pglite: Summary | undefined, postgres: Summary | undefined): string {
  const ratio = (summary: Summary | undefined) => (summary?.ratio === undefined ? 'n/a' : `${summary.ratio.toFixed(1)}x`);
  const p99 = (summary: Summary | undefined) => (summary ? `${summary.p99.toFixed(0)} ms` : 'n/a');
  const errors = (pglite?.errors ?? 0) + (postgres?.errors ?? 0);
  return `platform: ${ratio(pglite)} req/s vs ${ref ?? 'none'} on pglite, ${ratio(postgres)} on postgres; p99 ${p99(pglite)} / ${p99(postgres)}; errors ${errors}`;
}
