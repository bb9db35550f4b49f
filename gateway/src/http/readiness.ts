import { request, type Dispatcher } from 'undici';
import { describeFailure } from '../data-source/describe-failure.js';

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

async function probe(target: ProbeTarget, dispatcher: Dispatcher, timeoutMs: number): Promise<SubgraphProbe> {
  try {
    const response = await request(new URL('/health', target.url), {
      dispatcher,
      method: 'GET',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drained so the keep-alive socket goes back to the pool.
    await response.body.dump();
    if (response.statusCode >= 200 && response.statusCode < 300) return { name: target.name, status: 'ok' };
    return { name: target.name, status: 'unavailable', reason: `HTTP ${response.statusCode}` };
  } catch (err) {
    const reason = describeFailure(err);
    return { name: target.name, status: 'unavailable', reason: reason === 'timeout' ? `timeout after ${timeoutMs} ms` : reason };
  }
}

/** Ready when the supergraph is loaded and every subgraph's /health answers 2xx in time; probed in parallel. */
export async function checkReadiness(options: {
  loaded: boolean;
  targets: ProbeTarget[];
  dispatcher: Dispatcher;
  timeoutMs: number;
}): Promise<ReadinessReport> {
  const subgraphs = await Promise.all(options.targets.map((target) => probe(target, options.dispatcher, options.timeoutMs)));
  return { ready: options.loaded && subgraphs.every((subgraph) => subgraph.status === 'ok'), subgraphs };
}
