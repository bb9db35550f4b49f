/**
 * How fast our gateway answers a field of a subgraph whose circuit breaker is open: llm is stopped, requests for an
 * llm field fail (connection refused) until Query.hub reports its breaker OPEN, then the same request is timed one
 * after another. n/a when the gateway has no breaker to report (no Query.hub) or it does not open.
 */
import type { Platform } from '../../scripts/platform.js';

// 50 failing requests at most: hub.yaml's default failure_threshold is 5, so a breaker that has not opened by then
// is not going to.
const MAX_TRIPPING_REQUESTS = 50;
// 200 sequential requests: p99 is the 2nd slowest; well under a second when the breaker answers.
const SAMPLES = 200;

const LLM_FIELD = '{ generations(first: 1) { totalCount } }';
const LLM_BREAKERS = '{ hub { service(name: "llm") { instances { breaker { state } } } } }';
const GATEWAY_ONLY = '{ __typename }';

interface Answer {
  data?: { hub?: { service: { instances: Array<{ breaker: { state: string } }> } | null } } | null;
  errors?: Array<{ extensions?: { code?: string; reason?: string } }>;
}

async function post(url: string, token: string, query: string): Promise<{ ms: number; body: Answer }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as Answer;
  return { ms: performance.now() - started, body };
}

async function timed(url: string, token: string, query: string): Promise<{ p50: number; p99: number; last: Answer }> {
  const samples: number[] = [];
  let last: Answer = {};
  for (let i = 0; i < SAMPLES; i++) {
    const result = await post(url, token, query);
    samples.push(result.ms);
    last = result.body;
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? NaN;
  return { p50: at(50), p99: at(99), last };
}

export async function measureOpenBreaker(platform: Platform, token: string): Promise<string> {
  const url = `${platform.url}/graphql`;
  const breakers = async () => (await post(url, token, LLM_BREAKERS)).body.data?.hub?.service?.instances.map((instance) => instance.breaker.state);
  if (!(await breakers().catch(() => undefined))) return 'open breaker: n/a (the gateway reports no breakers in Query.hub)';
  await platform.stopProcess('llm');
  let states: string[] | undefined;
  for (let i = 0; i < MAX_TRIPPING_REQUESTS; i++) {
    await post(url, token, LLM_FIELD);
    states = await breakers();
    if (states?.length && states.every((state) => state === 'OPEN')) break;
  }
  if (!states?.every((state) => state === 'OPEN')) return `open breaker: n/a (llm's breaker did not open: ${JSON.stringify(states)})`;
  const open = await timed(url, token, LLM_FIELD);
  const local = await timed(url, token, GATEWAY_ONLY);
  const error = open.last.errors?.[0]?.extensions;
  return (
    `open breaker: a field of llm (stopped, breaker OPEN) answered ${error?.code ?? 'without error'}/${error?.reason ?? '-'} in ` +
    `p50 ${open.p50.toFixed(2)} ms, p99 ${open.p99.toFixed(2)} ms at the client, sequential; for scale, the gateway's own ` +
    `{ __typename } takes p50 ${local.p50.toFixed(2)} ms, p99 ${local.p99.toFixed(2)} ms on the same road`
  );
}
