/**
 * Daily generation budgets through the gateway, as a script hammering generateText sees them: the real platform
 * with an `openai` provider pointed at the stand-in OpenAI server (tests/fakes/openai-server.ts), slowed so that all
 * calls are in flight together. Reservations are taken before the provider is called, so concurrent calls cannot
 * pass the budget together (giving back what a call did not use is shown in subgraphs/llm/src/limits).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_WORDS, startOpenAiServer, type FakeServer } from './fakes/openai-server.js';
import { writeLlmHubYaml, type LlmHubYaml } from './helpers/llm-hub-yaml.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';

const KEY = 'sk-e2e-budget-4b7d2e9a61c3';
// $50 per million output tokens and at most 20 output tokens a call: each call reserves $0.001, so $0.01 fits ten.
// 20 is what the stand-in answers (REPLY_WORDS), so a call gives nothing back and no more than ten can ever run,
// however the fifty arrive on a loaded machine (with 100 reserved and 20 used, early ones made room for seventeen).
const OUTPUT_PRICE = 50;
const MAX_TOKENS = REPLY_WORDS.length;
const COST_PER_DAY = 0.01;
const FITS = 10;
const CALLS = 50;
// 150 ms between chunks: each stream lasts over a second, so the fifty calls are in flight together.
const CHUNK_MS = 150;

let provider: FakeServer;
let hubYaml: LlmHubYaml;
let platform: TestPlatform;

beforeAll(async () => {
  provider = await startOpenAiServer({ chunkDelayMs: CHUNK_MS });
  hubYaml = writeLlmHubYaml('llm-e2e-budgets', {
    llm_service: {
      limits: { per_caller: { requests_per_minute: 1000, tokens_per_minute: 10_000_000 } },
      budgets: { per_user: { cost_per_day: COST_PER_DAY } },
      providers: {
        openai: { base_url: `${provider.url}/v1`, api_keys: [KEY], model: 'gpt-4o-mini', timeout: 10, pricing: { output_per_million_tokens: OUTPUT_PRICE } },
      },
    },
  });
  platform = await startTestPlatform({ HUB_CONFIG: hubYaml.file });
});
afterAll(async () => {
  await platform?.stop();
  await provider?.close();
  hubYaml?.remove();
});

const TEXT = 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { id status usage { completionTokens } } } }';
const USAGE = 'query { usage(filter: { period: DAY }) { provider requests completionTokens costUsd } }';

describe('a daily cost budget under 50 concurrent generations', () => {
  it('runs at most the 10 that fit, refuses the rest with BUDGET_EXCEEDED and the reset time, and records no spend past the budget', async () => {
    const user = `budget-${randomUUID()}`;
    const input = { prompt: 'A tavern rumour, please.', maxTokens: MAX_TOKENS };
    const midnight = () => new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 86_400_000).toISOString();
    const resets = [midnight()];
    const results = await Promise.all(Array.from({ length: CALLS }, () => platform.gql(TEXT, { input }, user)));
    // Both, should the calls straddle a UTC midnight.
    resets.push(midnight());
    const served = results.filter((result) => result.data?.generateText);
    const refused = results.filter((result) => result.errors);
    expect(served.length).toBeGreaterThan(0);
    expect(served.length).toBeLessThanOrEqual(FITS);
    expect(served.length + refused.length).toBe(CALLS);
    for (const result of served)
      expect(result.data?.generateText.generation).toMatchObject({ status: 'COMPLETED', usage: { completionTokens: REPLY_WORDS.length } });
    for (const result of refused) {
      const extensions = result.errors?.[0]?.extensions;
      expect(extensions?.code).toBe('BUDGET_EXCEEDED');
      expect(resets).toContain(extensions?.resetsAt);
      expect(extensions?.retryAfter).toBeGreaterThan(0);
      expect(JSON.stringify(result)).not.toContain(KEY);
    }
    // The provider was called only for the calls that ran.
    expect(provider.requests.filter((request) => request.path === '/v1/chat/completions').length).toBe(served.length);

    const usage = (await platform.gql(USAGE, {}, user)).data?.usage as { provider: string; costUsd: number }[];
    const spent = usage.reduce((sum, bucket) => sum + bucket.costUsd, 0);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(COST_PER_DAY);

    // Spent is spent: the next call is refused too.
    expect((await platform.gql(TEXT, { input }, user)).errors?.[0]?.extensions?.code).toBe('BUDGET_EXCEEDED');
  });
});
