/**
 * Two instances of the character service on one PostgreSQL database (two processes cannot share a PGlite
 * directory, hence *.pg.e2e.ts): the hub balances queries over both, and one SIGKILLed mid-load is invisible to
 * clients: its failed fetches are retried on the other instance.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type ProcessName } from '../scripts/platform.js';
import { gameFixtures } from './helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { hubService, runLoad, type HubInstance } from './helpers/resilience.js';

const configDir = mkdtempSync(path.join(tmpdir(), 'hub-instances-'));
let platform: TestPlatform;
let primaryUrl: string;
let replicaUrl: string;

const characterInstances = async (): Promise<HubInstance[]> => (await hubService(platform, 'character')).instances;

beforeAll(async () => {
  const ports = {} as Record<ProcessName, number>;
  for (const name of ['character', 'campaign', 'image', 'llm', 'gateway'] as const) ports[name] = await freePort();
  const replicaPort = await freePort();
  primaryUrl = `http://127.0.0.1:${ports.character}/graphql`;
  replicaUrl = `http://127.0.0.1:${replicaPort}/graphql`;
  const hubYaml = path.join(configDir, 'hub.yaml');
  writeFileSync(hubYaml, 'message_hub:\n  retry_policy: { base_delay: 10ms, max_delay: 50ms }\n  health_check: { interval: 300ms, timeout: 500ms }\n');
  platform = await startTestPlatform({ HUB_CONFIG: hubYaml, SUBGRAPH_URL_CHARACTER: `${primaryUrl},${replicaUrl}` }, { ports });
  await platform.startReplica('character', replicaPort);
  const fixtures = gameFixtures(platform);
  for (const name of ['Ora', 'Tordek', 'Lidda']) await fixtures.character('player-1', name);
  const deadline = Date.now() + 10_000;
  while (!(await characterInstances()).every((instance) => instance.healthy) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
});
afterAll(async () => {
  await platform?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

const SHEETS = '{ characters(first: 3) { edges { node { name level armorClass } } } }';

describe('two instances of one service', () => {
  it('balances queries over both instances', async () => {
    const load = runLoad(platform, SHEETS, 4);
    while (load.results.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    const results = await load.stop();
    expect(results.filter((result) => result.errors)).toEqual([]);
    const instances = await characterInstances();
    expect(instances.map((instance) => instance.url).sort()).toEqual([primaryUrl, replicaUrl].sort());
    for (const instance of instances) expect(instance.requests).toBeGreaterThan(5);
  });

  it('loses no client request when one instance is killed mid-load', async () => {
    const load = runLoad(platform, SHEETS, 6);
    while (load.results.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    await platform.stopProcess('character', 'SIGKILL');
    const killedAt = load.results.length;
    const deadline = Date.now() + 15_000;
    while (load.results.length < killedAt + 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const results = await load.stop();

    expect(results.length).toBeGreaterThan(killedAt + 20);
    expect(results.filter((result) => result.errors).map((result) => result.errors)).toEqual([]);
    for (const result of results) expect(result.data?.characters.edges).toHaveLength(3);
    const instances = await characterInstances();
    const primary = instances.find((instance) => instance.url === primaryUrl);
    const replica = instances.find((instance) => instance.url === replicaUrl);
    expect(primary?.healthy).toBe(false);
    expect(replica).toMatchObject({ healthy: true, breaker: { state: 'CLOSED' } });
    expect((await fetch(`${platform.url}/readiness`)).status).toBe(200);
  });
});
