/**
 * `npm start` with ports that cannot work: it stops before starting any process, exit code 1, with one line that
 * names the variable, the value and why (lib/config/port-check.ts), not a stack trace; and a service started alone
 * on a taken port says the same of itself.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
// 60 s: tsx compiles the launcher on first run on two busy cores; a refusal itself takes milliseconds.
const TIMEOUT_MS = 60_000;

let dataDir: string;
let held: Server;
let heldPort: number;

/** The command as a user runs it (`npm start` is `tsx scripts/start-all.ts`), with `env` added. */
async function start(script: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, ...env },
      timeout: TIMEOUT_MS,
    });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'dnd-start-config-'));
  held = createServer();
  heldPort = await new Promise<number>((resolve) => held.listen(0, '127.0.0.1', () => resolve((held.address() as { port: number }).port)));
});
afterAll(async () => {
  await new Promise((resolve) => held?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start with a port that cannot work', () => {
  it(
    "refuses PORT=6000 (on fetch's bad-port list) in one line, before starting anything",
    async () => {
      const { code, output } = await start('scripts/start-all.ts', { PORT: '6000' });
      expect(code).toBe(1);
      expect(output).toContain("PORT=6000: port 6000 is blocked by fetch (the WHATWG fetch spec's bad-port list), so no client could call it: pick another");
      expect(output).not.toMatch(/\n\s+at /);
      // Nothing was started: no service created its database.
      expect(readdirSync(dataDir)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "names the port another process holds, also when it is one of the subgraphs' ports after PORT",
    async () => {
      const gateway = await start('scripts/start-all.ts', { PORT: String(heldPort) });
      expect(gateway.code).toBe(1);
      expect(gateway.output).toContain(`PORT=${heldPort}: port ${heldPort} is already in use by another process`);
      const subgraph = await start('scripts/start-all.ts', { PORT: String(heldPort - 1) });
      expect(subgraph.code).toBe(1);
      expect(subgraph.output).toContain(`PORT=${heldPort - 1} puts character on ${heldPort}, and port ${heldPort} is already in use by another process`);
      expect(readdirSync(dataDir)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a PORT that is not a port',
    async () => {
      const { code, output } = await start('scripts/start-all.ts', { PORT: 'eighty' });
      expect(code).toBe(1);
      expect(output).toContain('PORT=eighty: a port is an integer between 0 and 65535');
    },
    TIMEOUT_MS,
  );
});

describe('a service started alone', () => {
  it(
    'on a taken port says so in one line and exits 1',
    async () => {
      const { code, output } = await start('subgraphs/character/src/main.ts', { PORT: String(heldPort) });
      expect(code).toBe(1);
      expect(output).toContain(`character: cannot start: PORT=${heldPort}: port ${heldPort} is already in use by another process`);
      expect(output).not.toMatch(/\n\s+at /);
    },
    TIMEOUT_MS,
  );

  it(
    'with a HUB_URL fetch would refuse to call says so before listening',
    async () => {
      const { code, output } = await start('subgraphs/character/src/main.ts', { PORT: '0', HUB_URL: 'http://127.0.0.1:6000/graphql' });
      expect(code).toBe(1);
      expect(output).toContain('character: cannot start: HUB_URL=http://127.0.0.1:6000/graphql: port 6000 is blocked by fetch');
    },
    TIMEOUT_MS,
  );
});
