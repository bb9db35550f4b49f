/**
 * `npm run check` and `npm run replay` on a platform seeded through the gateway (its portraits, party and first
 * session went through the hub's transactions): the events every write left behind verify, rebuild the read tables
 * exactly, the facts spanning services agree, and a damaged read table or cross-service fact is found.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClients } from '../scripts/sdk-clients.js';
import { seedDemo } from '../scripts/seed-demo.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { platformTool } from './helpers/platform-tools.js';

// 3 minutes: each test runs the replay/check tools, which open every service's database afresh (PGlite loads for
// seconds each on a busy machine); 60 s was too little on two shared cores.
const TOOL_TEST_TIMEOUT_MS = 180_000;

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
  await seedDemo(sdkClients(`${platform.url}/graphql`, E2E_SECRET), () => undefined);
  // PGlite directories belong to one process at a time: the tools run once the services are stopped.
  for (const name of ['gateway', 'character', 'campaign', 'image', 'llm'] as const) await platform.stopProcess(name);
});
afterAll(async () => platform?.stop());

const tool = (script: string, ...args: string[]) => platformTool(platform, script, ...args);

describe('event-sourced services after a seeded game', () => {
  it(
    'pass the consistency check',
    async () => {
      const result = await tool('check');
      expect(result.stdout).toContain('check passed');
      expect(result.stdout).toMatch(/character: \d+ streams, \d+ events: hash chains and versions intact/);
      // The seed's four players each set a portrait and joined the party; one session gave all four its XP.
      expect(result.stdout).toContain('cross-service: 4 character portraits exist as images');
      expect(result.stdout).toContain("cross-service: 4 party memberships agree with the characters' active campaigns");
      expect(result.stdout).toContain("cross-service: 1 sessions' experience reached all 4 awarded characters");
      expect(result.stdout).toContain('cross-service: no participant branch left PREPARED past its deadline');
      expect(result.stdout).toContain('cross-service: no hub transaction unfinished past its deadline');
      expect(result.code).toBe(0);
    },
    TOOL_TEST_TIMEOUT_MS,
  );

  it(
    'checks one service alone when it is named, without the cross-service checks',
    async () => {
      const result = await tool('check', 'campaign');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('campaign: read tables equal a replay of the events');
      expect(result.stdout).not.toContain('cross-service');
    },
    TOOL_TEST_TIMEOUT_MS,
  );

  it(
    'rebuild their read tables from the events, and still pass',
    async () => {
      for (const service of ['character', 'campaign', 'image']) {
        const result = await tool('replay', service);
        expect(result.code, result.stdout).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`${service}: replayed [1-9]\\d* events`));
      }
      expect((await tool('check')).code).toBe(0);
    },
    TOOL_TEST_TIMEOUT_MS,
  );

  it(
    'refuses an unknown service with a usage message',
    async () => {
      const result = await tool('replay', 'tavern');
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('one of: character, campaign, image');
    },
    TOOL_TEST_TIMEOUT_MS,
  );

  it(
    'finds a read table that no longer matches its events',
    async () => {
      await damageOneCharacter();
      const result = await tool('check', 'character');
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/table characters differs from a replay/);
    },
    TOOL_TEST_TIMEOUT_MS,
  );
});

describe("facts spanning services, damaged behind the services' backs", () => {
  // Four kinds of damage, one check: each tool run opens every service's database afresh (seconds each on a busy
  // machine), and the check reports every broken fact, so one run shows that each is found and named.
  it(
    'finds a party member without its campaign, a portrait that is no image, an award that did not arrive, and a branch and a transaction left past their deadlines',
    async () => {
      const [row] = await sqlIn(
        'character',
        `UPDATE characters SET active_campaign_id = NULL
      WHERE id = (SELECT id FROM characters WHERE active_campaign_id IS NOT NULL ORDER BY id LIMIT 1) RETURNING id`,
      );
      const [member] = await sqlIn('campaign', `SELECT campaign_id FROM party_characters WHERE character_id = '${row!.id}' AND left_at IS NULL`);

      const missing = randomUUID();
      const [portrayed] = await sqlIn(
        'character',
        `UPDATE characters SET portrait_image_id = '${missing}'
      WHERE id = (SELECT id FROM characters WHERE portrait_image_id IS NOT NULL ORDER BY id DESC LIMIT 1) RETURNING id`,
      );

      const [award] = await sqlIn(
        'character',
        `UPDATE events SET data = jsonb_set(data, '{amount}', '1')
      WHERE event_id = (SELECT event_id FROM events WHERE type = 'ExperienceAwarded' AND data ? 'sessionId' ORDER BY global_position LIMIT 1)
      RETURNING data->>'characterId' AS character_id, data->>'sessionId' AS session_id`,
      );

      const [branchTx, hubTx] = [randomUUID(), randomUUID()];
      const past = `now() - interval '1 hour'`;
      await sqlIn(
        'campaign',
        `INSERT INTO tx_branches (transaction_id, operation, state, payload, deadline) VALUES ('${branchTx}', 'joinParty', 'PREPARED', '{}', ${past})`,
      );
      await sqlIn('hub', `INSERT INTO transactions (id, workflow, state, deadline) VALUES ('${hubTx}', 'joinParty', 'ACTIVE', ${past})`);

      const result = await tool('check');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        `cross-service: party: campaign ${member!.campaign_id} has character ${row!.id} in its party, but the character has no active campaign`,
      );
      expect(result.stdout).toContain(`cross-service: portraits: character ${portrayed!.id} has portrait ${missing}, which the image service does not have`);
      expect(result.stdout).toContain(
        `cross-service: session XP: session ${award!.session_id} awarded 300 XP to character ${award!.character_id}, who has no ExperienceAwarded for it`,
      );
      expect(result.stdout).toContain(
        `cross-service: transaction branches: campaign holds branch joinParty of transaction ${branchTx} PREPARED past its deadline`,
      );
      expect(result.stdout).toContain(`cross-service: hub transactions: hub transaction ${hubTx} (joinParty) is still ACTIVE past its deadline`);
    },
    TOOL_TEST_TIMEOUT_MS,
  );
});

/** Changes a read row behind the service's back, as a bad manual fix or a bug would. */
async function damageOneCharacter(): Promise<void> {
  await sqlIn('character', `UPDATE characters SET experience = experience + 1 WHERE id = (SELECT id FROM characters ORDER BY id LIMIT 1)`);
}

/** Runs one statement in a stopped service's own database (its PGlite directory, or its schema on PostgreSQL). */
async function sqlIn(service: 'character' | 'campaign' | 'hub', sql: string): Promise<Array<Record<string, string>>> {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path="${platform.schemaPrefix}${service}"` });
    await client.connect();
    try {
      return (await client.query<Record<string, string>>(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(`${platform.dataDir}/${service}`);
  try {
    return (await db.query<Record<string, string>>(sql)).rows;
  } finally {
    await db.close();
  }
}
