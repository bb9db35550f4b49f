import type { Dispatcher } from 'undici';
import { checkHealth } from '../resilience/health-check.js';

export interface ProbeTarget {
  name: string;
  /** The subgraph's GraphQL URL; its origin answers GET /health (lib/subgraph). */
  url: string;
}

export type SubgraphProbe = { name: string; status: 'ok' } | { name: string; status: 'unavailable'; reason: string };

export interface ReadinessReport {
  ready: boolean;
  subgraphs: SubgraphProbe[];
}

/** Ready when the supergraph is loaded and every target's /health answers 2xx in time; probed in parallel. */
export async function checkReadiness(options: {
  loaded: boolean;
  targets: ProbeTarget[];
  dispatcher: Dispatcher;
  timeoutMs: number;
}): Promise<ReadinessReport> {
  const subgraphs = await Promise.all(
    options.targets.map(async (target): Promise<SubgraphProbe> => {
      const reason = await checkHealth(target.url, options.dispatcher, options.timeoutMs);
      return reason === null ? { name: target.name, status: 'ok' } : { name: target.name, status: 'unavailable', reason };
    }),
  );
  return { ready: options.loaded && subgraphs.every((subgraph) => subgraph.status === 'ok'), subgraphs };
}
