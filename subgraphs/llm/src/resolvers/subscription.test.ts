import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import type { Database } from '#lib/db/index.js';
import { TEST_SECRET } from '../../../../tests/helpers/subgraph-client.js';
import { subscribeOverSse } from '../../../../tests/helpers/subscriptions.js';
import { generations, type GenerationRow, type schema } from '../db/schema.js';
import { createStaticSource } from '../generations/static-source.js';
import { LocalProvider } from '../providers/local/local-provider.js';
import { GENERATION_FIELDS, openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';
import { ScriptedProvider } from '../testing/scripted-provider.js';

let database: Database<typeof schema>;
let fast: LlmTestServer;
let slowA: LlmTestServer;
let slowB: LlmTestServer;
// Words every 50 ms: slow enough to cancel mid-stream, the whole test still takes a second.
const slow = new ScriptedProvider('slow', { deltas: Array.from({ length: 200 }, (_, i) => `word${i} `), delayMs: 50 });

beforeAll(async () => {
  database = await openLlmTestDatabase();
  fast = await startLlmTestServer(database);
  // Two instances on one database: a cancel reaching B must stop a stream running on A.
  slowA = await startLlmTestServer(database, { providers: createStaticSource([slow, new LocalProvider('local')]), instanceId: 'instance-a' });
  slowB = await startLlmTestServer(database, { providers: createStaticSource([slow, new LocalProvider('local')]), instanceId: 'instance-b' });
});
afterAll(async () => {
  for (const server of [fast, slowA, slowB]) await server?.close();
  await database?.close();
});

const STREAM = `subscription ($input: GenerateTextInput!) {
  textGeneration(input: $input) { type generationId delta sequence generation { ${GENERATION_FIELDS} } }
}`;
const CANCEL = `mutation ($input: CancelGenerationInput!) { cancelGeneration(input: $input) { generation { ${GENERATION_FIELDS} } } }`;
const asUser = (userId: string) => (body: string) => signedFor(TEST_SECRET, 'llm', { userId }, { body });

async function rowOf(id: string): Promise<GenerationRow | undefined> {
  const [row] = await database.db.select().from(generations).where(eq(generations.id, id));
  return row;
}

async function waitForEnd(id: string): Promise<GenerationRow> {
  for (let i = 0; i < 100; i++) {
    const row = await rowOf(id);
    if (row && row.status !== 'RUNNING') return row;
    await sleep(50);
  }
  throw new Error(`generation ${id} still RUNNING`);
}

describe('Subscription.textGeneration', () => {
  it('streams STARTED, the text as deltas, then COMPLETED with the stored generation and its usage', async () => {
    const sub = subscribeOverSse(
      fast.client.url,
      { query: STREAM, variables: { input: { kind: 'BACKSTORY', context: { characterName: 'Tordek' } } } },
      asUser('streamer'),
    );
    const events = [];
    for (;;) {
      const { data, errors } = await sub.next();
      expect(errors).toBeUndefined();
      events.push(data?.textGeneration);
      if (data?.textGeneration.type !== 'STARTED' && data?.textGeneration.type !== 'DELTA') break;
    }
    await sub.ended;
    const [started, ...rest] = events;
    const final = rest.pop();
    expect(started).toMatchObject({ type: 'STARTED', sequence: 0, delta: null, generation: { status: 'RUNNING' } });
    expect(rest.length).toBeGreaterThan(3);
    expect(rest.every((e, i) => e.type === 'DELTA' && e.sequence === i + 1 && e.generation === null)).toBe(true);
    expect(final).toMatchObject({ type: 'COMPLETED', generationId: started.generationId, generation: { status: 'COMPLETED', id: started.generationId } });
    expect(rest.map((e) => e.delta).join('')).toBe(final.generation.text);
    expect(final.generation.text).toContain('Tordek');
    expect(final.generation.usage.completionTokens).toBeGreaterThan(0);
    expect(final.generation.firstTokenMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses bad input before anything is stored', async () => {
    const sub = subscribeOverSse(fast.client.url, { query: STREAM, variables: { input: { prompt: '' } } }, asUser('streamer'));
    const { errors } = await sub.next();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    sub.dispose();
  });

  it('cancels the provider call when the client unsubscribes: the row ends CANCELLED with the usage so far', async () => {
    const stoppedBefore = slow.stopped;
    const sub = subscribeOverSse(slowA.client.url, { query: STREAM, variables: { input: { prompt: 'Tell me everything' } } }, asUser('quitter'));
    const started = (await sub.next()).data?.textGeneration;
    expect(started.type).toBe('STARTED');
    expect((await sub.next()).data?.textGeneration.type).toBe('DELTA');
    expect((await sub.next()).data?.textGeneration.type).toBe('DELTA');
    sub.dispose();
    const row = await waitForEnd(started.generationId);
    expect(row.status).toBe('CANCELLED');
    expect(row.text).toMatch(/^word0 word1 /);
    expect(row.completionTokens).toBeGreaterThan(0);
    expect(row.promptTokens).toBeGreaterThan(0);
    expect(slow.stopped).toBe(stoppedBefore + 1);
    expect(slowA.subgraph.services.running.size).toBe(0);
  });

  it('cancelGeneration stops a stream of this instance at once and the stream ends with CANCELLED', async () => {
    const sub = subscribeOverSse(slowA.client.url, { query: STREAM, variables: { input: { prompt: 'A long tale' } } }, asUser('canceller'));
    const id = (await sub.next()).data?.textGeneration.generationId;
    await sub.next();
    const someoneElse = await slowA.client.request(CANCEL, { input: { id } }, 'intruder');
    expect(someoneElse.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cancelled = await slowA.client.request(CANCEL, { input: { id } }, 'canceller');
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data?.cancelGeneration.generation).toMatchObject({ id, status: 'CANCELLED' });
    let last;
    for (;;) {
      last = (await sub.next()).data?.textGeneration;
      if (last.type !== 'DELTA') break;
    }
    expect(last).toMatchObject({ type: 'CANCELLED', generation: { status: 'CANCELLED' } });
    await sub.ended;
  });

  it('cancelGeneration on another instance flags the row and the running instance stops it within its poll interval', async () => {
    const sub = subscribeOverSse(slowA.client.url, { query: STREAM, variables: { input: { prompt: 'Across the wire' } } }, asUser('canceller'));
    const id = (await sub.next()).data?.textGeneration.generationId;
    // Straight after STARTED, as a script may: instance B must find the row instance A is about to store.
    const began = Date.now();
    const cancelled = await slowB.client.request(CANCEL, { input: { id } }, 'canceller');
    expect(cancelled.data?.cancelGeneration.generation).toMatchObject({ id, status: 'CANCELLED' });
    // One 500 ms poll plus the answer's own 100 ms steps, with room for a busy machine.
    expect(Date.now() - began).toBeLessThan(1500);
    sub.dispose();
  });

  it('returns a finished generation as it is', async () => {
    const done = await fast.client.request(`mutation { generateText(input: { prompt: "short" }) { generation { id } } }`, {}, 'canceller');
    const id = done.data?.generateText.generation.id;
    const again = await fast.client.request(CANCEL, { input: { id } }, 'canceller');
    expect(again.data?.cancelGeneration.generation).toMatchObject({ id, status: 'COMPLETED' });
  });
});
