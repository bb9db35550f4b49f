/**
 * Text generation streamed through the gateway, as a frontend sees it: the real platform with an `openai` provider
 * pointed at the stand-in OpenAI server (tests/fakes/openai-server.ts), subscriptions over SSE (graphql-sse) and
 * graphql-ws, the character of each generation resolved by the character service per event, clients that hang up
 * mid-stream, providers that break half-way or answer 429, bad input, and the provider key kept out of every answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_WORDS, startOpenAiServer, type FakeServer } from './fakes/openai-server.js';
import { gameFixtures } from './helpers/game-fixtures.js';
import { startAbortWatch, type AbortWatch } from './helpers/llm-abort-watch.js';
import { writeLlmHubYaml, type LlmHubYaml } from './helpers/llm-hub-yaml.js';
import { readStream, STREAM } from './helpers/llm-stream.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { connectOverWs, subscribeOverSse, type SubscriptionResult, type TestSubscription } from './helpers/subscriptions.js';

// The provider key: any string the stand-in serves normally; searched for in every answer and log line.
const KEY = 'sk-e2e-7f3a9c1d5b2e8a4f60c1';
// 1000 characters: small enough to send an oversized prompt cheaply, large enough for every normal prompt here.
const MAX_PROMPT_CHARS = 1000;
// 500 ms between chunks: the 11 chunks of the stand-in's reply take about 5.5 s, so a hang-up after the second
// arrives with seconds to spare even on a loaded machine (at 200 ms a busy second of the llm let the reply finish).
const SLOW_CHUNK_MS = 500;

let fast: FakeServer;
let slow: FakeServer;
let watch: AbortWatch;
let hubYaml: LlmHubYaml;
let platform: TestPlatform;
let characterId: string;
/** Every answer the gateway gave in this file: none may hold a key. */
const answers: unknown[] = [];

beforeAll(async () => {
  fast = await startOpenAiServer();
  slow = await startOpenAiServer({ chunkDelayMs: SLOW_CHUNK_MS });
  watch = await startAbortWatch(slow.url);
  const openai = (base: string, extra: Record<string, unknown> = {}) => ({ type: 'openai', base_url: `${base}/v1`, api_keys: [KEY], timeout: 5, ...extra });
  hubYaml = writeLlmHubYaml('llm-e2e-streaming', {
    llm_service: {
      max_prompt_chars: MAX_PROMPT_CHARS,
      // Far above the calls of this file: no test here is about the caller's limit.
      limits: { per_caller: { requests_per_minute: 1000, tokens_per_minute: 1_000_000 } },
      providers: {
        openai: openai(fast.url, { model: 'gpt-4o-mini', fallback: ['local'] }),
        slow: openai(watch.url, { fallback: ['local'] }),
        broken: openai(fast.url, { model: 'fake-stream-error', fallback: ['local'] }),
        dropping: openai(fast.url, { model: 'fake-drop' }),
        limited: openai(fast.url, { api_keys: ['sk-test-429'], fallback: ['local'] }),
        local: {},
      },
    },
  });
  platform = await startTestPlatform({ HUB_CONFIG: hubYaml.file });
  characterId = await gameFixtures(platform).character('player-1', 'Tordek');
});
afterAll(async () => {
  await platform?.stop();
  await Promise.all([fast?.close(), slow?.close(), watch?.close()]);
  hubYaml?.remove();
});

const sseUrl = () => `${platform.url}/graphql`;
const wsUrl = () => `${platform.url.replace('http:', 'ws:')}/graphql`;
const auth = async (user = 'player-1') => ({ authorization: `Bearer ${await platform.token(user)}` });

async function gql(query: string, variables?: Record<string, unknown>) {
  const result = await platform.gql(query, variables);
  answers.push(result);
  return result;
}

async function sse(input: Record<string, unknown>): Promise<TestSubscription> {
  return subscribeOverSse(sseUrl(), { query: STREAM, variables: { input } }, await auth());
}

/** The first result of a subscription, or what ended it when it ended without one. */
async function firstOutcome(sub: TestSubscription): Promise<SubscriptionResult | { ended: unknown }> {
  const outcome = await Promise.race([sub.next(10_000), sub.ended.then((ended) => ({ ended }))]);
  answers.push(outcome);
  return outcome;
}

const GENERATION = 'query($id: ID!) { generation(id: $id) { status text provider usage { promptTokens completionTokens } } }';
const TEXT = 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { status provider text fallbacks { provider reason } } } }';
const IMAGE = 'mutation($input: GenerateImageInput!) { generateImage(input: $input) { generation { id } } }';

describe('textGeneration through the gateway', () => {
  it('streams DELTA events and a final COMPLETED with usage over SSE, with the character resolved by the character service', async () => {
    const sub = await sse({ kind: 'BACKSTORY', prompt: 'Tell his story', context: { characterId } });
    const stream = await readStream(sub);
    answers.push(...stream.raw);
    expect(stream.events[0]).toMatchObject({ type: 'STARTED', sequence: 0, generation: { status: 'RUNNING', character: { name: 'Tordek' } } });
    expect(stream.deltas.length).toBeGreaterThan(5);
    expect(stream.deltas.join('')).toBe(REPLY_WORDS.join(' '));
    expect(stream.events.map((event) => event.sequence)).toEqual(stream.events.map((_, index) => index));
    expect(new Set(stream.events.map((event) => event.generationId)).size).toBe(1);
    expect(stream.final).toMatchObject({
      type: 'COMPLETED',
      generation: { status: 'COMPLETED', provider: 'openai', model: 'gpt-4o-mini', text: REPLY_WORDS.join(' '), fallbacks: [], character: { name: 'Tordek' } },
    });
    const usage = stream.final.generation?.usage;
    expect(usage.promptTokens).toBeGreaterThan(0);
    expect(usage.completionTokens).toBe(REPLY_WORDS.length);
    expect(usage.totalTokens).toBe(usage.promptTokens + usage.completionTokens);
  });

  it('streams the same over graphql-ws', async () => {
    const socket = connectOverWs(wsUrl(), await auth());
    try {
      const stream = await readStream(socket.subscribe({ query: STREAM, variables: { input: { prompt: 'Over the socket', context: { characterId } } } }));
      answers.push(...stream.raw);
      expect(stream.events[0]).toMatchObject({ type: 'STARTED', generation: { character: { name: 'Tordek' } } });
      expect(stream.deltas.join('')).toBe(REPLY_WORDS.join(' '));
      expect(stream.final).toMatchObject({
        type: 'COMPLETED',
        generation: { provider: 'openai', usage: { completionTokens: REPLY_WORDS.length }, character: { name: 'Tordek' } },
      });
    } finally {
      await socket.dispose();
    }
  });
});

describe('a client that hangs up mid-stream', () => {
  /** Waits for STARTED and two deltas of a slow stream, hangs up, and checks what the provider and the store saw. */
  async function hangUpHalfWay(sub: TestSubscription, hangUp: () => Promise<void>) {
    const requestsBefore = watch.requests.length;
    const started = await sub.next();
    answers.push(started);
    const id = started.data?.textGeneration.generationId as string;
    for (let i = 0; i < 2; i++) expect((await sub.next()).data?.textGeneration.type).toBe('DELTA');
    await hangUp();
    // The provider's connection is closed before its reply has ended: the generation was stopped upstream.
    await expect.poll(() => watch.requests.slice(requestsBefore).map((r) => r.aborted), { timeout: 10_000 }).toEqual([true]);
    await expect.poll(async () => (await gql(GENERATION, { id })).data?.generation.status, { timeout: 10_000 }).toBe('CANCELLED');
    const generation = (await gql(GENERATION, { id })).data?.generation;
    expect(generation.provider).toBe('slow');
    expect(REPLY_WORDS.join(' ').startsWith(generation.text)).toBe(true);
    expect(generation.text.length).toBeGreaterThan(0);
    expect(generation.text.length).toBeLessThan(REPLY_WORDS.join(' ').length);
    // The usage of what was streamed before the hang-up is counted.
    expect(generation.usage.promptTokens).toBeGreaterThan(0);
    expect(generation.usage.completionTokens).toBeGreaterThan(0);
    expect(generation.usage.completionTokens).toBeLessThan(REPLY_WORDS.length);
  }

  it('over SSE cancels the provider call; the generation ends CANCELLED with the usage so far', async () => {
    const sub = await sse({ prompt: 'A long tale', provider: 'slow' });
    await hangUpHalfWay(sub, async () => sub.dispose());
  });

  it('over graphql-ws (the socket closed) does the same', async () => {
    const socket = connectOverWs(wsUrl(), await auth());
    const sub = socket.subscribe({ query: STREAM, variables: { input: { prompt: 'Another long tale', provider: 'slow' } } });
    await hangUpHalfWay(sub, () => socket.dispose());
  });
});

describe('providers that fail', () => {
  it('a stream erroring half-way ends FAILED with the text and usage so far; generateText falls back to local and records it', async () => {
    const stream = await readStream(await sse({ prompt: 'Break please', provider: 'broken' }));
    answers.push(...stream.raw);
    expect(stream.deltas.length).toBe(2);
    expect(stream.final).toMatchObject({
      type: 'FAILED',
      generation: { status: 'FAILED', provider: 'broken', text: stream.deltas.join(''), error: { code: 'SERVICE_UNAVAILABLE' } },
    });
    expect(stream.final.generation?.usage.completionTokens).toBeGreaterThan(0);

    const text = await gql(TEXT, { input: { prompt: 'Break please', provider: 'broken' } });
    expect(text.errors).toBeUndefined();
    expect(text.data?.generateText.generation).toMatchObject({
      status: 'COMPLETED',
      provider: 'local',
      fallbacks: [{ provider: 'broken', reason: 'BAD_RESPONSE' }],
    });
  });

  it('a stream dropped half-way with no fallback ends FAILED, the drop recorded', async () => {
    const stream = await readStream(await sse({ prompt: 'Drop it', provider: 'dropping' }));
    answers.push(...stream.raw);
    expect(stream.final).toMatchObject({
      type: 'FAILED',
      generation: { status: 'FAILED', provider: 'dropping', fallbacks: [{ provider: 'dropping', reason: 'BAD_RESPONSE' }] },
    });
    // generateText has nothing to return but the error; the stored generation says the same.
    const text = await gql(TEXT, { input: { prompt: 'Drop it', provider: 'dropping' } });
    expect(text.data).toBeNull();
    expect(text.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', generationId: expect.any(String) });
    const stored = await gql(GENERATION, { id: text.errors?.[0]?.extensions?.generationId });
    expect(stored.data?.generation).toMatchObject({ status: 'FAILED', provider: 'dropping' });
  });

  it('a provider answering 429 falls to local, streamed or not', async () => {
    const stream = await readStream(await sse({ prompt: 'Busy?', provider: 'limited' }));
    answers.push(...stream.raw);
    expect(stream.final).toMatchObject({ type: 'COMPLETED', generation: { provider: 'local', fallbacks: [{ provider: 'limited', reason: 'RATE_LIMITED' }] } });
    expect(stream.deltas.join('')).toBe(stream.final.generation?.text);
    const text = await gql(TEXT, { input: { prompt: 'Busy?', provider: 'limited' } });
    expect(text.data?.generateText.generation).toMatchObject({
      status: 'COMPLETED',
      provider: 'local',
      fallbacks: [{ provider: 'limited', reason: 'RATE_LIMITED' }],
    });
  });
});

describe('bad input through the gateway', () => {
  const oversized = 'x'.repeat(MAX_PROMPT_CHARS + 1);
  const textCases: Array<[string, string, Record<string, unknown>]> = [
    ['a blank prompt', 'input.prompt', { prompt: '   ' }],
    [`a prompt over ${MAX_PROMPT_CHARS} characters`, 'input.prompt', { prompt: oversized }],
    ['an unknown provider', 'input.provider', { prompt: 'Hi', provider: 'nowhere' }],
    ['an unknown model', 'input.model', { prompt: 'Hi', model: 'gpt-unknown' }],
    ['maxTokens 0', 'input.maxTokens', { prompt: 'Hi', maxTokens: 0 }],
  ];

  it.each(textCases)('generateText and textGeneration (SSE) refuse %s with BAD_USER_INPUT naming %s', async (_label, field, input) => {
    const text = await gql(TEXT, { input });
    expect(text.data).toBeNull();
    expect(text.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(text.errors)).toContain(field);
    const outcome = await firstOutcome(await sse(input));
    expect(outcome).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it.each([
    ['input.n', { n: 5 }],
    ['input.n', { n: 0 }],
    ['input.width', { width: 100 }],
    ['input.height', { height: 2048 }],
    ['input.prompt', { prompt: '' }],
  ])('generateImage refuses %s out of range with BAD_USER_INPUT: %j', async (field, input) => {
    const image = await gql(IMAGE, { input: { prompt: 'A dwarf', ...input } });
    expect(image.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(image.errors)).toContain(field);
  });
});

describe('provider keys', () => {
  it('appear in no answer of this file and no log line, while the providers query names them by id only', async () => {
    const providers = await gql('{ providers { name healthy keys { id state } } }');
    expect(providers.data?.providers.find((p: { name: string }) => p.name === 'openai').keys).toEqual([
      { id: expect.stringMatching(/^key-[0-9a-f]{8}$/), state: 'ACTIVE' },
    ]);
    expect(answers.length).toBeGreaterThan(20);
    const everything = JSON.stringify(answers);
    for (const key of [KEY, 'sk-test-429']) {
      expect(everything).not.toContain(key);
      expect(platform.logs.filter((line) => line.includes(key))).toEqual([]);
    }
  });
});
