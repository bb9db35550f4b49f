import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { signUserToken } from '#lib/auth/jwt.js';
import { SERVICES } from '#lib/config/services.js';
import { startPlatform, type Platform, type ProcessName } from '../../scripts/platform.js';
import type { GraphQLResult } from './subgraph-client.js';

export const E2E_SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef';

export interface TestPlatform extends Platform {
  /** Where the embedded databases live, and the Postgres schema prefix when DATABASE_URL is set: for tools run beside it. */
  dataDir: string;
  schemaPrefix: string | undefined;
  /** The last lines every process printed: shown when a test fails to explain why. */
  logs: string[];
  /** POST /graphql through the gateway as `user` (a JWT is minted for it; null = no Authorization header). */
  gql<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    user?: string | null,
  ): Promise<GraphQLResult<TData> & { headers: Headers }>;
  token(user: string): Promise<string>;
}

/**
 * The real platform on free ports for one test file: its own temporary PGlite directory, or its own set of
 * Postgres schemas when DATABASE_URL is set (.ci/run), removed again by stop().
 */
export async function startTestPlatform(env: NodeJS.ProcessEnv = {}, options: { ports?: Record<ProcessName, number> } = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dnd-e2e-'));
  const schemaPrefix = process.env.DATABASE_URL ? `e2e_${randomBytes(4).toString('hex')}_` : undefined;
  const logs: string[] = [];
  let platform: Platform;
  try {
    platform = await startPlatform({
      // Chosen by the caller when it must know them before start-up (a proxy in front of a service); else free ones.
      ports: options.ports ?? 'free',
      // 150 s: a platform starts in 10-20 s on an idle machine, but test files start theirs two at a time on two
      // cores beside other work; a start that slow is load, not a fault worth failing the file for.
      readyTimeoutMs: 150_000,
      dataDir,
      env: { AUTH_JWT_SECRET: E2E_SECRET, ...(schemaPrefix ? { DB_SCHEMA_PREFIX: schemaPrefix } : {}), ...env },
      onLine: (name: ProcessName, line: string) => {
        logs.push(`[${name}] ${line}`);
        if (logs.length > 500) logs.shift();
      },
    });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n${logs.slice(-60).join('\n')}`, { cause: err });
  }
  const token = (user: string) => signUserToken(user, E2E_SECRET);
  return {
    ...platform,
    dataDir,
    schemaPrefix,
    logs,
    token,
    async gql(query, variables, user = 'player-1') {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (user) headers.authorization = `Bearer ${await token(user)}`;
      const response = await fetch(`${platform.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as GraphQLResult<any>;
      return { ...body, status: response.status, headers: response.headers };
    },
    async stop() {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (schemaPrefix && process.env.DATABASE_URL) {
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        for (const service of [...SERVICES, 'hub']) await client.query(`DROP SCHEMA IF EXISTS "${schemaPrefix}${service}" CASCADE`);
        await client.end();
      }
    },
  };
}
