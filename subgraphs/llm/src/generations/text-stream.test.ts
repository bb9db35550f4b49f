import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/index.js';
import type { schema } from '../db/schema.js';
import { LocalProvider } from '../providers/local/local-provider.js';
import type { StreamEvent } from '../resolvers/stream-event.js';
import { openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';
import { ScriptedProvider } from '../testing/scripted-provider.js';
import { createStaticSource } from './static-source.js';
import { prepareTextRequest } from './prepare-text.js';
import { streamTextGeneration } from './text-stream.js';

let database: Database<typeof schema>;
let server: LlmTestServer;
const WORDS = Array.from({ length: 300 }, (_, i) => `w${i} `);

beforeAll(async () => {
  database = await openLlmTestDatabase();
  // No pause between deltas: the whole answer arrives before a reader that waits has read anything.
  server = await startLlmTestServer(database, {
    providers: createStaticSource([
      new ScriptedProvider('burst', { deltas: WORDS }),
      // 2 ms between deltas: a provider slower than its reader, whatever the machine's load (a burst of 300 with no
      // pause can outrun a reader that is reading on a busy machine, and then the deltas are rightly joined).
      new ScriptedProvider('paced', { deltas: WORDS.slice(0, 60), delayMs: 2 }),
      new LocalProvider('local'),
    ]),
  });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function readAll(iterator: AsyncIterableIterator<StreamEvent>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of iterator) events.push(event);
  return events;
}

describe('streamTextGeneration', () => {
  it('joins the deltas waiting for a reader far behind into one event, keeping every chunk of text in order', async () => {
    const { services } = server.subgraph;
    const request = prepareTextRequest(services, { prompt: 'A burst', provider: 'burst' });
    const iterator = await streamTextGeneration(services, 'slow-reader', request, new AbortController().signal);
    // The reader comes back only once the generation has ended.
    for (let i = 0; i < 100 && services.running.size > 0; i++) await sleep(20);
    expect(services.running.size).toBe(0);
    const events = await readAll(iterator);
    const deltas = events.filter((event) => event.type === 'DELTA');
    expect(events[0]?.type).toBe('STARTED');
    expect(events.at(-1)).toMatchObject({ type: 'COMPLETED', generation: { text: WORDS.join('') } });
    expect(deltas.map((event) => event.delta).join('')).toBe(WORDS.join(''));
    // The first deltas (up to the backlog of 16 events) each on their own, the rest joined into the last of them.
    expect(deltas.length).toBeLessThan(20);
    expect(events.map((event) => event.sequence)).toEqual(events.map((_, index) => index));
  });

  it('keeps each delta its own event for a reader that keeps up', async () => {
    const { services } = server.subgraph;
    const request = prepareTextRequest(services, { prompt: 'A stream read as it comes', provider: 'paced' });
    const events = await readAll(await streamTextGeneration(services, 'fast-reader', request, new AbortController().signal));
    const deltas = events.filter((event) => event.type === 'DELTA');
    expect(deltas.map((event) => event.delta)).toEqual(WORDS.slice(0, 60));
  });
});
