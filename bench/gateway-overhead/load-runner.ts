/**
 * The load generator of bench/gateway-overhead, run as its own process so that it never shares an event loop with
 * a gateway: autocannon with one connection pool against one gateway, every request built by setupRequest from a
 * shared counter over the given request bodies, so that concurrent connections send different variables when the
 * list has several entries. Prints one JSON line: LoadResult.
 *
 * Usage: node --import tsx bench/gateway-overhead/load-runner.ts <config.json>   (LoadConfig)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface LoadConfig {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Cycled in order across all connections; one entry = every request the same. */
  requests: Array<{ token: string; body: string }>;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, transport errors and timeouts. */
  failed: number;
  /** 2xx answers whose body carries GraphQL errors (every answer of the benchmark should be whole). */
  withErrors: number;
}

interface RequestParams {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface AutocannonResult {
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}

type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    requests: Array<{ setupRequest: (request: RequestParams) => RequestParams }>;
    verifyBody: (body: string) => boolean;
    timeout: number;
  },
  done: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

// autocannon ships CommonJS without types: the signature above is the part of its API this runner uses.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const configPath = process.argv[2];
if (!configPath) throw new Error('usage: load-runner.ts <config.json>');
const config = JSON.parse(readFileSync(configPath, 'utf8')) as LoadConfig;
const prepared = config.requests.map((request) => ({
  body: request.body,
  headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${request.token}` },
}));

let next = 0;
const latencies: number[] = [];
const started = performance.now();
const result = await new Promise<AutocannonResult>((resolve, reject) => {
  const instance = autocannon(
    {
      url: config.url,
      connections: config.connections,
      duration: config.durationSeconds,
      requests: [
        {
          setupRequest: (request) => {
            const chosen = prepared[next++ % prepared.length] ?? prepared[0];
            return { ...request, method: 'POST', headers: chosen?.headers ?? {}, body: chosen?.body ?? '' };
          },
        },
      ],
      // A 200 with GraphQL errors would be a cheap answer, not a served query: count them apart.
      verifyBody: (body) => !body.includes('"errors"'),
      // 60 s: on a loaded machine a request can take seconds; a client timeout would count work the gateway still does.
      timeout: 60,
    },
    (err, done) => (err ? reject(err) : resolve(done)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
});
const elapsedSeconds = (performance.now() - started) / 1000;

/** Nearest-rank percentile of the sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
latencies.sort((a, b) => a - b);
const output: LoadResult = {
  requests: latencies.length,
  rps: latencies.length / elapsedSeconds,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  failed: result.non2xx + result.errors + result.timeouts,
  withErrors: result.mismatches,
};
process.stdout.write(`${JSON.stringify(output)}\n`);
