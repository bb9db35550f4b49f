/**
 * The llm service's shutdown drain, with a real process and a real signal: a stream under way when the llm
 * process gets SIGTERM runs to its end with the full text and its usage, a new generation meanwhile is refused
 * with a retryable SERVICE_UNAVAILABLE, and the process exits once the stream ended, well within drain_seconds.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPLY_WORDS, startOpenAiServer, type FakeServer } from './fakes/openai-server.js';
import { writeLlmHubYaml, type LlmHubYaml } from './helpers/llm-hub-yaml.js';
import { readStream, STREAM } from './helpers/llm-stream.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { subscribeOverSse } from './helpers/subscriptions.js';

// 400 ms between chunks: the stand-in's 10 chunks take about 4 s, so SIGTERM after the first leaves seconds of
// stream to drain, far past what the generic 8 s grace would matter for yet short for a test.
const CHUNK_MS = 400;
// 30 s: far above the stream's 4 s, so an exit before the stream ended can only be a drain that did not wait.
const DRAIN_SECONDS = 30;

let slow: FakeServer;
let hubYaml: LlmHubYaml;
let platform: TestPlatform;

beforeAll(async () => {
  slow = await startOpenAiServer({ chunkDelayMs: CHUNK_MS });
  hubYaml = writeLlmHubYaml('llm-e2e-drain', {
    llm_service: {
      drain_seconds: DRAIN_SECONDS,
      providers: { slow: { type: 'openai', base_url: `${slow.url}/v1`, api_keys: ['sk-e2e-drain-0123456789'], timeout: 5 } },
    },
  });
  platform = await startTestPlatform({ HUB_CONFIG: hubYaml.file });
});
afterAll(async () => {
  await platform?.stop();
  await slow?.close();
  hubYaml?.remove();
});

const TEXT = 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { status text } } }';

it('lets a stream in flight finish on SIGTERM, refuses new generations meanwhile, then exits', async () => {
  const headers = { authorization: `Bearer ${await platform.token('player-1')}` };
  const sub = await subscribeOverSse(`${platform.url}/graphql`, { query: STREAM, variables: { input: { prompt: 'Tell a tale' } } }, headers);
  const started = await sub.next(10_000);
  expect(started.data?.textGeneration.type).toBe('STARTED');

  const llm = platform.children.get('llm')!;
  const exited = once(llm, 'exit').then(() => Date.now());
  const signalledAt = Date.now();
  llm.kill('SIGTERM');

  // While draining the service still listens, and says why it will not start another generation.
  const refused = await platform.gql(TEXT, { input: { prompt: 'Another one' } });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 5 });

  const rest = await readStream(sub, 10_000);
  const endedAt = Date.now();
  expect(rest.final.type).toBe('COMPLETED');
  expect(rest.final.generation?.text).toBe(REPLY_WORDS.join(' '));
  // The normal path stored its usage: the drain did not cancel it.
  expect(rest.final.generation?.usage.completionTokens).toBeGreaterThan(0);

  const exitAt = await exited;
  expect(exitAt).toBeGreaterThanOrEqual(endedAt - 1_000);
  expect(exitAt - signalledAt).toBeLessThan(DRAIN_SECONDS * 1000);
}, 60_000);
