/**
 * One measured run of bench/platform against one target: the load runner's figures, and per process the CPU time
 * per request (/proc/<pid>/stat deltas), the peak RSS of the run (VmHWM after a clear_refs reset) and, per
 * subgraph process, the SQL statements per request (db_statements_total deltas from its /metrics).
 */
import { EMPTY_BODY_HASH, hubSecretOf, IDENTITY_HEADER, serviceKey, signRequest } from '#lib/auth/index.js';
import { runLoad, type LoadResult } from '../gateway-overhead/load.js';
import type { LoadRequest } from '../gateway-overhead/load-runner.js';
import { cpuMs, peakRssMiB, resetPeakRss } from '../gateway-overhead/processes.js';
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

/** The gateway's signed identity for a GET of /metrics on `service` (HEAD's subgraphs serve it to the gateway only). */
function metricsHeaders(secret: string, service: string): Record<string, string> {
  const binding = { audience: service, method: 'GET', path: '/metrics', bodyHash: EMPTY_BODY_HASH };
  return { [IDENTITY_HEADER]: signRequest({ userId: null }, binding, serviceKey(hubSecretOf(secret), service)).header };
}

async function statements(target: Target, secret: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await Promise.all(
    Object.entries(target.ports)
      .filter(([name]) => name !== 'gateway')
      .map(async ([name, port]) => {
        // A replica (character#2) is the same service to the signature.
        const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: metricsHeaders(secret, name.split('#')[0] ?? name) });
        const text = await response.text();
        if (!response.ok) throw new Error(`${name} /metrics answered ${response.status}: ${text.slice(0, 300)}`);
        // Summed over label sets: a service may count its statements per database or pool.
        const matches = [...text.matchAll(/^db_statements_total(?:\{[^}]*\})? (\d+(?:\.\d+)?)$/gm)];
        if (!matches.length) throw new Error(`${name} /metrics has no db_statements_total`);
        counts[name] = matches.reduce((sum, match) => sum + Number(match[1]), 0);
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
