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
  requests: LoadRequest[];
  /** Current Character.version per versionKey, for bodies that carry it (bench/platform's updates). */
  versions?: Record<string, number>;
}

export interface LoadRequest {
  token: string;
  /** With versionKey, every `"__VERSION__"` in it is replaced by the key's current version. */
  body: string;
  /** At most one request per lock in flight: a request whose lock is held is skipped for the next one, as one
   * user does one write at a time (two concurrent writes of one record would answer CONFLICT). */
  lock?: string;
  /** The answer's `"version":N` becomes the key's version (optimistic concurrency: expectedVersion must match). */
  versionKey?: string;
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
  /** The first answer with GraphQL errors, to say which request failed. */
  errorSample?: string;
  /** The versions at the end (config.versions as the answers moved them). */
  versions?: Record<string, number>;
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

interface Context {
  chosen?: Prepared;
}

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}

type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    requests: Array<{
      setupRequest: (request: RequestParams, context: Context) => RequestParams;
      onResponse: (status: number, body: string, context: Context) => void;
    }>;
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
interface Prepared extends Omit<LoadRequest, 'token'> {
  headers: Record<string, string>;
}
const prepared: Prepared[] = config.requests.map(({ token, ...request }) => ({
  ...request,
  headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
}));
const versions = { ...config.versions };
const held = new Set<string>();
let errorSample: string | undefined;

let next = 0;
/** The next request in the cycle whose lock is free (a full cycle of held locks sends the last one anyway). */
function choose(): Prepared | undefined {
  for (let tries = 0; tries < prepared.length; tries++) {
    const candidate = prepared[next++ % prepared.length];
    if (!candidate?.lock || !held.has(candidate.lock)) return candidate;
  }
  return prepared[next % prepared.length];
}
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
          setupRequest: (request, context) => {
            const chosen = choose();
            context.chosen = chosen;
            if (chosen?.lock) held.add(chosen.lock);
            const version = chosen?.versionKey === undefined ? undefined : versions[chosen.versionKey];
            const body = version === undefined ? (chosen?.body ?? '') : (chosen?.body ?? '').replaceAll('"__VERSION__"', String(version));
            return { ...request, method: 'POST', headers: chosen?.headers ?? {}, body };
          },
          onResponse: (_status, body, context) => {
            const chosen = context.chosen;
            if (chosen?.lock) held.delete(chosen.lock);
            if (body.includes('"errors"')) errorSample ??= body.slice(0, 1000);
            const version = chosen?.versionKey === undefined ? undefined : /"version":(\d+)/.exec(body)?.[1];
            if (chosen?.versionKey !== undefined && version) versions[chosen.versionKey] = Number(version);
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
  ...(errorSample ? { errorSample } : {}),
  ...(config.versions ? { versions } : {}),
};
process.stdout.write(`${JSON.stringify(output)}\n`);
