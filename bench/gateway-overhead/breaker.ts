/**
 * How fast our gateway answers a field of a subgraph whose circuit breaker is open: llm is stopped, requests for an
 * llm field fail (connection refused) until Query.hub reports its breaker OPEN, then the same request is timed one
 * after another, both at the client and inside the gateway (its Server-Timing header: the figure the target of under
 * 1 ms is about, without the client's HTTP and JSON work). n/a when the gateway has no breaker to report (no
 * Query.hub) or it does not open.
 */
import type { Platform } from '../../scripts/platform.js';

// 50 failing requests at most: hub.yaml's default failure_threshold is 5, so a breaker that has not opened by then
// is not going to.
const MAX_TRIPPING_REQUESTS = 50;
// 1000 sequential requests: p99 is the 10th slowest, not one stray pause; a few seconds when the breaker answers.
const SAMPLES = 1000;

const LLM_FIELD = '{ generations(first: 1) { totalCount } }';
const LLM_BREAKERS = '{ hub { service(name: "llm") { instances { breaker { state } } } } }';
const GATEWAY_ONLY = '{ __typename }';

interface Answer {
  data?: { hub?: { service: { instances: Array<{ breaker: { state: string } }> } | null } } | null;
  errors?: Array<{ extensions?: { code?: string; reason?: string } }>;
}

/** The gateway's own time for an answer, from its `Server-Timing: total;dur=<ms>` header; NaN without one. */
function gatewayMs(response: Response): number {
  return Number(/total;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN);
}

async function post(url: string, token: string, query: string): Promise<{ ms: number; gatewayMs: number; body: Answer }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as Answer;
  return { ms: performance.now() - started, gatewayMs: gatewayMs(response), body };
}

interface Percentiles {
  p50: number;
  p99: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { p50: at(50), p99: at(99) };
}

/** Sequential requests: their latency at the client and, from Server-Timing, inside the gateway. */
async function timed(url: string, token: string, query: string): Promise<{ client: Percentiles; gateway: Percentiles; last: Answer }> {
  const client: number[] = [];
  const gateway: number[] = [];
  let last: Answer = {};
  for (let i = 0; i < SAMPLES; i++) {
    const result = await post(url, token, query);
    client.push(result.ms);
    gateway.push(result.gatewayMs);
    last = result.body;
  }
  return { client: percentiles(client), gateway: percentiles(gateway), last };
}

const figures = (p: Percentiles) => `p50 ${p.p50.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms`;

/**
 * `warmupSeconds` of untimed answers first, as every other figure of the bench comes after its warm-up: the failure
 * path is cold code until the breaker opens (measured here: p50 1.36 ms over the first 3000 answers of a fresh
 * gateway, 0.80 ms over the next 3000).
 */
export async function measureOpenBreaker(platform: Platform, token: string, operatorToken: string, warmupSeconds: number): Promise<string> {
  const url = `${platform.url}/graphql`;
  const breakers = async () => (await post(url, operatorToken, LLM_BREAKERS)).body.data?.hub?.service?.instances.map((instance) => instance.breaker.state);
  if (!(await breakers().catch(() => undefined))) return 'open breaker: n/a (the gateway reports no breakers in Query.hub)';
  await platform.stopProcess('llm');
  let states: string[] | undefined;
  for (let i = 0; i < MAX_TRIPPING_REQUESTS; i++) {
    await post(url, token, LLM_FIELD);
    states = await breakers();
    if (states?.length && states.every((state) => state === 'OPEN')) break;
  }
  if (!states?.every((state) => state === 'OPEN')) return `open breaker: n/a (llm's breaker did not open: ${JSON.stringify(states)})`;
  const warmUntil = Date.now() + warmupSeconds * 1000;
  while (Date.now() < warmUntil) await post(url, token, LLM_FIELD);
  const open = await timed(url, token, LLM_FIELD);
  const local = await timed(url, token, GATEWAY_ONLY);
  const error = open.last.errors?.[0]?.extensions;
  return (
    `open breaker: a field of llm (stopped, breaker OPEN) answered ${error?.code ?? 'without error'}/${error?.reason ?? '-'} in ` +
    `${figures(open.gateway)} at the gateway (Server-Timing), ${figures(open.client)} at the client, sequential; for scale, ` +
    `the gateway's own { __typename } takes ${figures(local.gateway)} at the gateway, ${figures(local.client)} at the client`
  );
}
