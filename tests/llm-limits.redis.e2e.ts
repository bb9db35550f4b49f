/**
 * Two llm instances behind the gateway sharing their rate-limit counters in Redis (REDIS_URL; runs in .ci/run's
 * second pass): a caller's requests, spread over both instances by the hub, never pass the caller's limit
 * together, and the refusals reach the client as RATE_LIMITED with retryAfter.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type ProcessName } from '../scripts/platform.js';
import { writeLlmHubYaml, type LlmHubYaml } from './helpers/llm-hub-yaml.js';
import { startLlmReplica, type LlmReplica } from './helpers/llm-replica.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { hubService, type HubInstance } from './helpers/resilience.js';

// 7 requests a minute per caller: reached in a handful of calls, and a prime, so the limits count it in one window of
// the whole minute (limits/window-shape.ts: a limit like 6/min is counted as 1 per 10 s, which a burst cannot show).
const PER_CALLER_RPM = 7;
// Three times the limit: without shared counters each instance would allow 7, and 14 would get through.
const ATTEMPTS = 3 * PER_CALLER_RPM;

let hubYaml: LlmHubYaml;
let platform: TestPlatform;
let replica: LlmReplica;
let instanceUrls: string[];

beforeAll(async () => {
  hubYaml = writeLlmHubYaml('llm-e2e-limits', {
    // round_robin: every other fetch goes to the other instance, so both serve the same caller for certain.
    services: { llm: { load_balancing: 'round_robin', retry_policy: { max_attempts: 1 } } },
    llm_service: { limits: { per_caller: { requests_per_minute: PER_CALLER_RPM, tokens_per_minute: 1_000_000 } }, providers: { local: {} } },
  });
  const ports = {} as Record<ProcessName, number>;
  for (const name of ['character', 'campaign', 'image', 'llm', 'gateway'] as const) ports[name] = await freePort();
  const replicaPort = await freePort();
  instanceUrls = [ports.llm, replicaPort].map((port) => `http://127.0.0.1:${port}/graphql`);
  const env = { HUB_CONFIG: hubYaml.file, REDIS_URL: process.env.REDIS_URL };
  platform = await startTestPlatform({ ...env, SUBGRAPH_URL_LLM: instanceUrls.join(',') }, { ports });
  replica = await startLlmReplica(platform, replicaPort, env);
  const llmInstances = async (): Promise<HubInstance[]> => (await hubService(platform, 'llm')).instances;
  const deadline = Date.now() + 15_000;
  while (!(await llmInstances()).every((instance) => instance.healthy) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
});
afterAll(async () => {
  await replica?.stop();
  await platform?.stop();
  hubYaml?.remove();
});

const TEXT = 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { id status provider } } }';

/** Requests the hub has sent to each llm instance so far, by URL. */
async function requestsPerInstance(): Promise<Map<string, number>> {
  const llm = await hubService(platform, 'llm');
  return new Map(llm.instances.map((instance: HubInstance) => [instance.url, instance.requests]));
}

describe('per-caller limit shared by two llm instances through Redis', () => {
  it('lets through exactly the limit of requests spread over both instances, and refuses the rest with RATE_LIMITED and retryAfter', async () => {
    // A caller of its own: the counters live in Redis, shared with every other run against the same server.
    const caller = `limits-${randomUUID()}`;
    const before = await requestsPerInstance();
    const results = [];
    // Two at a time: both instances work on the caller's requests at once, as replicas behind a hub do.
    for (let i = 0; i < ATTEMPTS; i += 2) {
      const pair = [i, i + 1].filter((n) => n < ATTEMPTS);
      results.push(...(await Promise.all(pair.map((n) => platform.gql(TEXT, { input: { prompt: `Request ${n}` } }, caller)))));
    }
    const after = await requestsPerInstance();
    for (const url of instanceUrls) expect((after.get(url) ?? 0) - (before.get(url) ?? 0)).toBeGreaterThanOrEqual(ATTEMPTS / 3);

    const served = results.filter((result) => result.data?.generateText);
    const refused = results.filter((result) => result.errors);
    expect(served).toHaveLength(PER_CALLER_RPM);
    for (const result of served) expect(result.data?.generateText.generation).toMatchObject({ status: 'COMPLETED', provider: 'local' });
    expect(refused).toHaveLength(ATTEMPTS - PER_CALLER_RPM);
    for (const result of refused) {
      const extensions = result.errors?.[0]?.extensions;
      expect(extensions?.code).toBe('RATE_LIMITED');
      expect(typeof extensions?.retryAfter).toBe('number');
      expect(extensions?.retryAfter).toBeGreaterThan(0);
      // One minute's window at most: the caller may try again within it.
      expect(extensions?.retryAfter).toBeLessThanOrEqual(60);
    }
  });

  it('keeps callers apart: another caller still gets its own full limit', async () => {
    const caller = `limits-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: PER_CALLER_RPM + 1 }, (_, n) => platform.gql(TEXT, { input: { prompt: `Other ${n}` } }, caller)));
    expect(results.filter((result) => result.data?.generateText)).toHaveLength(PER_CALLER_RPM);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(1);
  });
});
