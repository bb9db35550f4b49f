/**
 * One measured run of bench/platform against one target: the load runner's figures, and per process the CPU time
 * per request (/proc/<pid>/stat deltas), the peak RSS of the run (VmHWM after a clear_refs reset) and, per
 * subgraph process, the SQL statements per request (db_statements_total deltas from its /metrics).
 */
import { runLoad, type LoadResult } from '../gateway-overhead/load.js';
import type { LoadRequest } from '../gateway-overhead/load-runner.js';
import { cpuMs, peakRssMiB, resetPeakRss } from '../gateway-overhead/processes.js';
import { statementCount } from '../shared/statement-count.js';
import type { Target } from './targets.js';

export interface Run extends LoadResult {
  label: string;
  /** Per process name (gateway, character, ..., character#2): CPU ms per request. */
  cpu: Record<string, number>;
  /** Per process: peak RSS in MiB during the run. */
  rss: Record<string, number>;
  /** Per subgraph process: SQL statements per request. */
  sql: Record<string, number>;
}

async function statements(target: Target, secret: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await Promise.all(
    Object.entries(target.ports)
      .filter(([name]) => name !== 'gateway')
      .map(async ([name, port]) => {
        // A replica (character#2) is the same service to the signature.
        counts[name] = await statementCount(port, name.split('#')[0] ?? name, secret);
      }),
  );
  return counts;
}

export interface RunOptions {
  connections: number;
  durationSeconds: number;
  requests: LoadRequest[];
  versions: Record<string, number>;
  workDir: string;
  /** The platform's AUTH_JWT_SECRET, from which the gateway's service keys derive. */
  secret: string;
}

/** Runs the load against `target` and measures it; a warm-up is the same call with its result ignored. */
export async function measureRun(target: Target, options: RunOptions): Promise<Run> {
  const pids = Object.entries(target.pids);
  for (const [, pid] of pids) resetPeakRss(pid);
  const cpuBefore = Object.fromEntries(pids.map(([name, pid]) => [name, cpuMs(pid)]));
  const sqlBefore = await statements(target, options.secret);
  const load = await runLoad(
    {
      url: `${target.url}/graphql`,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      requests: options.requests,
      versions: options.versions,
    },
    options.workDir,
  );
  const sqlAfter = await statements(target, options.secret);
  const perRequest = (value: number) => (load.requests > 0 ? value / load.requests : NaN);
  return {
    ...load,
    label: target.spec.label,
    cpu: Object.fromEntries(pids.map(([name, pid]) => [name, perRequest(cpuMs(pid) - (cpuBefore[name] ?? 0))])),
    rss: Object.fromEntries(pids.map(([name, pid]) => [name, peakRssMiB(pid)])),
    sql: Object.fromEntries(Object.entries(sqlAfter).map(([name, count]) => [name, perRequest(count - (sqlBefore[name] ?? 0))])),
  };
}
