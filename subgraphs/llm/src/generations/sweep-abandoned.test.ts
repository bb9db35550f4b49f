import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/index.js';
import { generations, type NewGenerationRow, type schema } from '../db/schema.js';
import { openLlmTestDatabase } from '../testing/llm-test-server.js';
import { ABANDONED_AFTER_MS, sweepAbandoned } from './sweep-abandoned.js';

let database: Database<typeof schema>;
beforeAll(async () => {
  database = await openLlmTestDatabase();
});
afterAll(() => database?.close());

const running = (instanceId: string, ageMs: number): NewGenerationRow => ({
  userId: 'u',
  kind: 'FREEFORM',
  status: 'RUNNING',
  context: {},
  text: 'half a ',
  provider: 'local',
  model: 'm',
  seed: 1,
  maxTokens: 10,
  promptTokens: 3,
  completionTokens: 2,
  durationMs: 0,
  instanceId,
  createdAt: new Date(Date.now() - ageMs),
});

describe('sweepAbandoned', () => {
  it("ends old RUNNING rows of other instances as FAILED, keeping their usage; recent ones and this instance's stay", async () => {
    const [dead, recent, mine] = await database.db
      .insert(generations)
      .values([running('dead', ABANDONED_AFTER_MS + 60_000), running('alive', 1000), running('me', ABANDONED_AFTER_MS + 60_000)])
      .returning();
    expect(await sweepAbandoned(database.db, 'me')).toBe(1);
    const status = async (id: string) => (await database.db.select().from(generations).where(eq(generations.id, id)))[0];
    expect(await status(dead!.id)).toMatchObject({ status: 'FAILED', errorCode: 'SERVICE_UNAVAILABLE', completionTokens: 2, instanceId: null });
    expect((await status(recent!.id))?.status).toBe('RUNNING');
    expect((await status(mine!.id))?.status).toBe('RUNNING');
  });
});
