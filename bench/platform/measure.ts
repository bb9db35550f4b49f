/**
 * One measured run of bench/platform against one target: the load runner's figures, and per process the CPU time
 * per request (/proc/<pid>/stat deltas), the peak RSS of the run (VmHWM after a clear_refs reset) and, per
 * subgraph process, the SQL statements per request (db_statements_total deltas from its /metrics); per subgraph, the
 * fetches the gateway made to it per request (subgraph_fetch_duration_seconds_count at the gateway's /metrics), from
 * which the CPU per fetch follows.
 */
import { runLoad, type LoadResult } from '../gateway-overhead/load.js';
import type { LoadRequest } from '../gateway-overhead/load-runner.js';
import { cpuMs, peakRssMiB, resetPeakRss } from '../gateway-overhead/processes.js';
import { signUserToken, OPERATOR_ROLE } from '#lib/auth/index.js';
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
  /** Per subgraph (replicas together): the gateway's fetches to it per request. */
  fetches: Record<string, number>;
}

/** The gateway's fetches so far per subgraph, summed over outcomes; read with an operator's token, as /metrics asks. */
async function fetchCounts(target: Target, secret: string): Promise<Record<string, number>> {
  const token = await signUserToken('bench-operator', secret, undefined, [OPERATOR_ROLE]);
  const response = await fetch(`${target.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`gateway /metrics answered ${response.status}: ${text.slice(0, 300)}`);
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^subgraph_fetch_duration_seconds_count\{([^}]*)\} (\d+(?:\.\d+)?)$/gm)) {
    const service = /service="([^"]+)"/.exec(match[1] ?? '')?.[1];
    if (service) counts[service] = (counts[service] ?? 0) + Number(match[2]);
  }
  return counts;
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
  const fetchesBefore = await fetchCounts(target, options.secret);
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
  const fetchesAfter = await fetchCounts(target, options.secret);
  const perRequest = (value: number) => (load.requests > 0 ? value / load.requests : NaN);
  return {
    ...load,
    label: target.spec.label,
    cpu: Object.fromEntries(pids.map(([name, pid]) => [name, perRequest(cpuMs(pid) - (cpuBefore[name] ?? 0))])),
    rss: Object.fromEntries(pids.map(([name, pid]) => [name, peakRssMiB(pid)])),
    sql: Object.fromEntries(Object.entries(sqlAfter).map(([name, count]) => [name, perRequest(count - (sqlBefore[name] ?? 0))])),
    fetches: Object.fromEntries(Object.entries(fetchesAfter).map(([name, count]) => [name, perRequest(count - (fetchesBefore[name] ?? 0))])),
  };
}
