/**
 * What the fault tests of the hub's transactions share: polling for a state, reading both services' view of the
 * same characters, campaign and session through the gateway, and (on PostgreSQL) holding a lock a participant needs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import pg from 'pg';
import { SERVICES } from '#lib/config/services.js';
import type { gameFixtures } from './helpers/game-fixtures.js';
import type { TestPlatform } from './helpers/platform.js';

type Fixtures = ReturnType<typeof gameFixtures>;

/**
 * A hub.yaml for fault tests: breakers that close again 1 s after a killed process is back (the default 60 s would
 * fail every call to it for a minute, which is the breaker's job in production but not what these tests look at),
 * and the given transaction timeout. Returns the file's path (in a new temp directory).
 */
export function faultHubConfig(transactionTimeoutS = 30): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dnd-faults-')), 'hub.yaml');
  writeFileSync(file, `message_hub:\n  transaction: { timeout: ${transactionTimeoutS} }\n  circuit_breaker: { failure_threshold: 5, reset_timeout: 1 }\n`);
  return file;
}

/** Starts again whatever process a test killed, so that a failed test does not take the next ones down with it. */
export async function restartStopped(platform: TestPlatform): Promise<void> {
  for (const name of [...SERVICES, 'gateway'] as const) {
    if (!platform.children.has(name)) await platform.startProcess(name);
  }
}

/** Polls `probe` until it answers something truthy; fails naming `what` and the last answer. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (err) {
      last = (err as Error).message;
    }
    // 50 ms: holds are released and processes killed at the instant a state appears; finer polling only loads the cores.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
}

export interface HubTransaction {
  state: string;
  lastError: string | null;
  branches: Array<{ service: string; state: string; attempts: number; lastError: string | null }>;
}

/** The hub's record of a transaction, read through the gateway as its initiator. */
export async function hubTransaction(platform: TestPlatform, user: string, id: string): Promise<HubTransaction> {
  const result = await platform.gql<{ transaction: HubTransaction | null }>(
    'query($id: ID!) { transaction(id: $id) { state lastError branches { service state attempts lastError } } }',
    { id },
    user,
  );
  if (!result.data?.transaction) throw new Error(`transaction ${id}: ${JSON.stringify(result.errors ?? 'not found')}`);
  return result.data.transaction;
}

export function waitForState(platform: TestPlatform, user: string, id: string, state: string, timeoutMs?: number): Promise<HubTransaction> {
  return waitFor(
    `transaction ${id} ${state}`,
    async () => {
      const transaction = await hubTransaction(platform, user, id);
      return transaction.state === state && transaction;
    },
    timeoutMs,
  );
}

export interface Table {
  dm: string;
  campaignId: string;
  sessionId: string;
  /** Owner and id of each party character. */
  party: Array<{ owner: string; id: string }>;
}

/** A campaign run by `dm`, one character per player in its party (joined through the hub), one scheduled session. */
export async function gameTable(fx: Fixtures, dm: string, players: string[]): Promise<Table> {
  const campaignId = await fx.campaign(dm, players);
  const party = [];
  for (const owner of players) {
    const id = await fx.character(owner, `Hero of ${owner}`);
    const joined = await fx.joinParty(owner, campaignId, id);
    if (joined.errors) throw new Error(`joinParty: ${JSON.stringify(joined.errors)}`);
    party.push({ owner, id });
  }
  return { dm, campaignId, sessionId: await fx.session(dm, campaignId), party };
}

/** Both services' view: the session's status and party on the campaign side, experience and active campaign on the character side. */
export async function viewOf(fx: Fixtures, table: Table) {
  const campaign = await fx.ok('query($id: ID!) { campaign(id: $id) { party { id } sessions { id status } } }', { id: table.campaignId }, table.dm);
  const characters = [];
  for (const { owner, id } of table.party) {
    const data = await fx.ok('query($id: ID!) { character(id: $id) { experience activeCampaignId } }', { id }, owner);
    characters.push(data.character as { experience: number; activeCampaignId: string | null });
  }
  const session = campaign.campaign.sessions.find((s: { id: string }) => s.id === table.sessionId);
  return { sessionStatus: session?.status as string, partyIds: (campaign.campaign.party as Array<{ id: string }>).map((c) => c.id).sort(), characters };
}

/** The session was played iff every party character got exactly `xp`; nobody got anything otherwise. */
export async function expectSessionAgrees(fx: Fixtures, table: Table, xp: number, played: boolean): Promise<void> {
  const view = await viewOf(fx, table);
  expect(view.sessionStatus).toBe(played ? 'PLAYED' : 'SCHEDULED');
  expect(view.characters.map((c) => c.experience)).toEqual(table.party.map(() => (played ? xp : 0)));
}

/** A PostgreSQL connection of the test's own, beside the platform's services (DATABASE_URL). */
export class PgProbe {
  private constructor(
    private readonly client: pg.Client,
    private readonly prefix: string,
  ) {}

  static async open(prefix: string): Promise<PgProbe> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return new PgProbe(client, prefix);
  }

  /** `"<prefix><service>".table`: the platform gives every service its own schema. */
  table(service: string, table: string): string {
    return `"${this.prefix}${service}".${table}`;
  }

  async rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(text, params)).rows as T[];
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

export interface Hold {
  /** True once some other session waits for this lock: the participant's call has arrived and is stuck on it. */
  blocksSomeone(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * Runs `statement` (a LOCK TABLE or SELECT ... FOR UPDATE) in a transaction on a connection of its own and keeps it
 * open: whatever needs that lock waits until release() rolls it back.
 */
export async function holdLock(statement: string, params: unknown[] = []): Promise<Hold> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query(statement, params);
  const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
  return {
    async blocksSomeone() {
      const { rows } = await client.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
      return rows.length > 0;
    },
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}
