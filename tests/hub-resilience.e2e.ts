/**
 * The hub's resilience with the real processes: a subgraph killed under load (the others' data still served, its
 * breaker open within the threshold and visible in Query.hub, closed again once it is back), a slow subgraph
 * behind a delaying proxy (timeouts and retries within the request's deadline), and a bad hub.yaml key stopping
 * the gateway's start-up with the key's name.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';
import { bundlePath } from '../scripts/build-services.js';
import { freePort, type ProcessName } from '../scripts/platform.js';
import { startFaultProxy, type FaultProxy } from '../gateway/src/testing/fault-proxy.js';
import { gameFixtures } from './helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { hubService, hubStatus, runLoad } from './helpers/resilience.js';

const THRESHOLD = 3;
const configDir = mkdtempSync(path.join(tmpdir(), 'hub-resilience-'));
let platform: TestPlatform;
let campaignProxy: FaultProxy;

beforeAll(async () => {
  const ports = {} as Record<ProcessName, number>;
  for (const name of ['character', 'campaign', 'image', 'llm', 'gateway'] as const) ports[name] = await freePort();
  // campaign is reached through a delaying proxy, started before the gateway so that it is ready with it.
  campaignProxy = await startFaultProxy(`http://127.0.0.1:${ports.campaign}/graphql`);
  const hubYaml = path.join(configDir, 'hub.yaml');
  writeFileSync(
    hubYaml,
    `message_hub:
  request_timeout: 3s
  circuit_breaker: { failure_threshold: ${THRESHOLD}, reset_timeout: 1500ms }
  retry_policy: { max_attempts: 3, base_delay: 20ms, max_delay: 100ms }
  health_check: { interval: 300ms, timeout: 500ms }
services:
  campaign:
    timeout: 400ms
    # The slow-subgraph tests time out several attempts in a row: they are about timeouts, not the breaker.
    circuit_breaker: { failure_threshold: 20 }
`,
  );
  platform = await startTestPlatform({ HUB_CONFIG: hubYaml, SUBGRAPH_URL_CAMPAIGN: campaignProxy.url }, { ports });
  const fixtures = gameFixtures(platform);
  for (const name of ['Ora', 'Tordek', 'Lidda']) await fixtures.character('player-1', name);
});
afterAll(async () => {
  await platform?.stop();
  await campaignProxy?.close();
  rmSync(configDir, { recursive: true, force: true });
});

const SHEETS = '{ characters(first: 3) { edges { node { name portrait { url } campaign { name } } } } }';
const names = (data: any) => data?.characters?.edges.map((edge: any) => edge.node.name).sort();

describe('a subgraph killed under load', () => {
  it("keeps serving the others' data, opens its breaker within the threshold and shows it in Query.hub", async () => {
    const load = runLoad(platform, SHEETS, 6);
    while (load.results.length < 6) await new Promise((resolve) => setTimeout(resolve, 20));
    await platform.stopProcess('image', 'SIGKILL');
    const killedAt = load.results.length;
    // Until the clients have seen the breaker open, and a few answers after that (bounded: 15 s).
    const deadline = Date.now() + 15_000;
    const openSeen = () => load.results.slice(killedAt).some((result) => result.errors?.some((error) => error.extensions?.reason === 'CIRCUIT_OPEN'));
    while (!(openSeen() && load.results.length > killedAt + 12) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const results = await load.stop();

    for (const result of results) {
      expect(names(result.data)).toEqual(['Lidda', 'Ora', 'Tordek']);
      for (const error of result.errors ?? []) expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'image' });
    }
    const reasons = results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.reason);
    expect(reasons).toContain('CIRCUIT_OPEN');
    // Only the fetches already on their way when the process died, and up to the threshold after, reached it.
    const image = await hubService(platform, 'image');
    expect(image.available).toBe(false);
    expect(image.instances[0]).toMatchObject({ healthy: false, breaker: { state: 'OPEN', failures: THRESHOLD } });
    expect(image.instances[0]?.failures).toBeLessThanOrEqual(THRESHOLD + 6);
  });

  it('closes the breaker after the process is back and reset_timeout has passed', async () => {
    await platform.startProcess('image');
    const deadline = Date.now() + 10_000;
    let result = await platform.gql(SHEETS);
    while (result.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await platform.gql(SHEETS);
    }
    expect(result.errors).toBeUndefined();
    const image = await hubService(platform, 'image');
    expect(image).toMatchObject({ available: true, instances: [{ healthy: true, breaker: { state: 'CLOSED', failures: 0 } }] });
    expect(image.instances[0]?.breaker.transitions).toBeGreaterThanOrEqual(3);
  });
});

describe('Query.hub', () => {
  it("is for operators: a player's token is FORBIDDEN and sees no instance URL", async () => {
    const result = await platform.gql('{ hub { services { name instances { url } } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('127.0.0.1');
    expect((await hubStatus(platform)).map((service) => service.name).sort()).toEqual(['campaign', 'character', 'image', 'llm']);
  });
});

describe('a slow subgraph', () => {
  it('cuts attempts at its timeout and retries them within the deadline, serving the other fields', async () => {
    campaignProxy.mode = { kind: 'pass', delayMs: 1500 };
    campaignProxy.requests.length = 0;
    const started = Date.now();
    const result = await platform.gql(SHEETS);
    const took = Date.now() - started;
    expect(names(result.data)).toEqual(['Lidda', 'Ora', 'Tordek']);
    expect(result.errors?.[0]).toMatchObject({
      message: 'The campaign service is unavailable (timeout after 400 ms)',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'campaign', reason: 'TIMEOUT' },
    });
    expect(campaignProxy.requests).toHaveLength(3);
    // Three 400 ms attempts with short backoffs: well within the 3 s deadline, far from the proxy's 1.5 s x 3.
    expect(took).toBeGreaterThanOrEqual(1200);
    expect(took).toBeLessThan(2500);
    campaignProxy.mode = { kind: 'pass' };
  });

  it('answers in full when only the first attempt is slow: the retry arrives in time', async () => {
    campaignProxy.mode = { kind: 'pass', delayMs: 1500, times: 1 };
    campaignProxy.requests.length = 0;
    const result = await platform.gql(SHEETS);
    expect(result.errors).toBeUndefined();
    expect(result.data?.characters.edges).toHaveLength(3);
    expect(campaignProxy.requests).toHaveLength(2);
  });
});

describe('a mutation whose answer comes too late', () => {
  it('is retried by the hub when the client sent an idempotency-key, and still runs once', async () => {
    // The first attempt reaches campaign and creates the campaign; its answer is held past the 400 ms timeout.
    campaignProxy.mode = { kind: 'late-answer', delayMs: 1500, times: 1 };
    campaignProxy.requests.length = 0;
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await platform.token('dm-1')}`,
        'idempotency-key': 'create-keep-on-the-borderlands',
      },
      body: JSON.stringify({ query: 'mutation { createCampaign(input: { name: "Keep on the Borderlands" }) { campaign { id name } } }' }),
    });
    const body = (await response.json()) as { data?: { createCampaign: { campaign: { id: string } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    // The retry carried the same key, and campaign answered it with the first run's campaign.
    expect(campaignProxy.requests.map((request) => request.idempotencyKey)).toEqual(['create-keep-on-the-borderlands', 'create-keep-on-the-borderlands']);
    const mine = await platform.gql<{ campaigns: { edges: Array<{ node: { id: string; name: string } }> } }>(
      '{ campaigns(first: 50) { edges { node { id name } } } }',
      undefined,
      'dm-1',
    );
    const kept = mine.data?.campaigns.edges.map((edge) => edge.node).filter((campaign) => campaign.name === 'Keep on the Borderlands');
    expect(kept?.map((campaign) => campaign.id)).toEqual([body.data?.createCampaign.campaign.id]);
  });
});

describe('start-up', () => {
  it('stops the gateway on a hub.yaml with a bad key and names the key', async () => {
    const badYaml = path.join(configDir, 'bad.yaml');
    writeFileSync(badYaml, 'message_hub:\n  retry_policy: { max_attempts: 3, backof: linear }\n');
    const child = spawn(process.execPath, [bundlePath('gateway')], {
      cwd: repoRoot,
      env: { ...process.env, HUB_CONFIG: badYaml, PORT: '0', AUTH_JWT_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('gateway: cannot start: bad.yaml is invalid');
    expect(stderr).toContain('message_hub.retry_policy.backof');
  });
});
