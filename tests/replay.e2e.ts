/**
 * `npm run check` and `npm run replay` on a platform seeded through the gateway: the events every write left
 * behind verify, rebuild the read tables exactly, and a damaged read table is found.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/config/paths.js';
import { gatewayClient } from '../scripts/gateway-client.js';
import { seedDemo } from '../scripts/seed-demo.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from './helpers/platform.js';

const run = promisify(execFile);
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
  await seedDemo(gatewayClient(`${platform.url}/graphql`, E2E_SECRET), () => undefined);
  // PGlite directories belong to one process at a time: the tools run once the services are stopped.
  for (const name of ['gateway', 'character', 'campaign', 'image', 'llm'] as const) await platform.stopProcess(name);
});
afterAll(async () => platform?.stop());

function tool(script: string, ...args: string[]) {
  const env = { ...process.env, DATA_DIR: platform.dataDir, ...(platform.schemaPrefix ? { DB_SCHEMA_PREFIX: platform.schemaPrefix } : {}) };
  return run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: repoRoot, env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: `${err.stdout}${err.stderr}` }),
  );
}

describe('event-sourced services after a seeded game', () => {
  it('pass the consistency check', async () => {
    const result = await tool('check');
    expect(result.stdout).toContain('check passed');
    expect(result.stdout).toMatch(/character: \d+ streams, \d+ events: hash chains and versions intact/);
    expect(result.code).toBe(0);
  });

  it('rebuild their read tables from the events, and still pass', async () => {
    for (const service of ['character', 'campaign', 'image']) {
      const result = await tool('replay', service);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`${service}: replayed [1-9]\\d* events`));
    }
    expect((await tool('check')).code).toBe(0);
  });

  it('refuses an unknown service with a usage message', async () => {
    const result = await tool('replay', 'tavern');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('one of: character, campaign, image');
  });

  it('finds a read table that no longer matches its events', async () => {
    await damageOneCharacter();
    const result = await tool('check', 'character');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/table characters differs from a replay/);
  });
});

/** Changes a read row behind the service's back, as a bad manual fix or a bug would. */
async function damageOneCharacter(): Promise<void> {
  const sql = `UPDATE characters SET experience = experience + 1 WHERE id = (SELECT id FROM characters ORDER BY id LIMIT 1)`;
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path="${platform.schemaPrefix}character"` });
    await client.connect();
    await client.query(sql);
    await client.end();
    return;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(`${platform.dataDir}/character`);
  await db.query(sql);
  await db.close();
}
