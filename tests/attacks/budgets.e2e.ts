/**
 * The hostile-input suite, daily generation budgets: asking for more than the most a call may use, and, once the
 * budget is spent, every other road to the llm: batchGenerate, a domain generation (generateBackstory, whose llm
 * call the character service makes for the user), and internal headers naming another user; and spending the
 * budget of a campaign one is not at the table of. Through the real
 * gateway; each refusal spends nothing (the provider is not called, the day's spend stays within the budget).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gameFixtures } from '../helpers/game-fixtures.js';
import { writeLlmHubYaml, type LlmHubYaml } from '../helpers/llm-hub-yaml.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { expectRefused, expectUnchanged } from './expect-refused.js';

// $10 per million output tokens at the local provider, at most 100 tokens a call: $0.001 reserved a call, $0.003 a day.
const COST_PER_DAY = 0.003;
const MAX_TOKENS = 100;
const SPENDER = 'budget-attack-spender';

let hubYaml: LlmHubYaml;
let platform: TestPlatform;
let characterId: string;
let campaignId: string;
const DM = 'budget-attack-dm';
const STRANGER = 'budget-attack-stranger';

beforeAll(async () => {
  hubYaml = writeLlmHubYaml('llm-attack-budgets', {
    llm_service: {
      max_tokens: 2048,
      limits: { per_caller: { requests_per_minute: 1000, tokens_per_minute: 10_000_000 } },
      budgets: { per_user: { cost_per_day: COST_PER_DAY }, per_campaign: { cost_per_day: 1 } },
      providers: { local: { pricing: { output_per_million_tokens: 10 } } },
    },
  });
  platform = await startTestPlatform({ HUB_CONFIG: hubYaml.file });
  characterId = await gameFixtures(platform).character(SPENDER, 'Spendthrift');
  campaignId = await gameFixtures(platform).campaign(DM);
});
afterAll(async () => {
  await platform?.stop();
  hubYaml?.remove();
});

const TEXT = 'mutation($input: GenerateTextInput!) { generateText(input: $input) { generation { id status } } }';
const USAGE = 'query { usage(filter: { period: DAY }) { requests costUsd } }';
const usage = async () => {
  const buckets = (await platform.gql(USAGE, {}, SPENDER)).data?.usage as { requests: number; costUsd: number }[];
  return { requests: buckets.reduce((sum, b) => sum + b.requests, 0), costUsd: buckets.reduce((sum, b) => sum + b.costUsd, 0) };
};
async function text(input: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', authorization: `Bearer ${await platform.token(SPENDER)}` },
    body: JSON.stringify({ query: TEXT, variables: { input } }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
  return { ...body, status: response.status };
}

describe('daily budget attacks', () => {
  it('reserves nothing for a call asking for more than the most a call may use, or less than nothing', async () => {
    const before = await usage();
    for (const maxTokens of [2049, 1e12, -1, 0]) expectRefused(await text({ prompt: 'Everything.', maxTokens }), 200, 'BAD_USER_INPUT');
    await expectUnchanged(before, usage, "the spender's usage");
  });

  it('once the budget is spent, reaches the provider by no other road, and the day spends no more than the budget', async () => {
    let spent = false;
    for (let call = 0; call < 50 && !spent; call++) {
      const answer = await text({ prompt: `Rumour ${call}.`, maxTokens: MAX_TOKENS });
      spent = answer.errors?.[0]?.extensions?.code === 'BUDGET_EXCEEDED';
    }
    expect(spent).toBe(true);
    const before = await usage();
    expect(before.costUsd).toBeLessThanOrEqual(COST_PER_DAY);

    expectRefused(await text({ prompt: 'One more.', maxTokens: MAX_TOKENS }), 200, 'BUDGET_EXCEEDED');
    // Internal headers from a client never reach a service: the call is still the spender's, on the spender's budget.
    const spoofed = { 'x-hub-identity': 'user=someone-else', 'x-hub-user': 'someone-else', 'x-user-id': 'someone-else' };
    expectRefused(await text({ prompt: 'As someone else.', maxTokens: MAX_TOKENS }, spoofed), 200, 'BUDGET_EXCEEDED');
    const batch = await platform.gql(
      'mutation($input: BatchGenerateInput!) { batchGenerate(input: $input) { completed items { error { code } } } }',
      { input: { items: [1, 2, 3].map((n) => ({ prompt: `Batch ${n}.`, maxTokens: MAX_TOKENS })) } },
      SPENDER,
    );
    expect(batch.data?.batchGenerate).toEqual({ completed: 0, items: [1, 2, 3].map(() => ({ error: { code: 'BUDGET_EXCEEDED' } })) });
    const backstory = await platform.gql(
      'mutation($input: GenerateBackstoryInput!) { generateBackstory(input: $input) { character { backstory } } }',
      { input: { characterId } },
      SPENDER,
    );
    expectRefused(backstory, 200, 'BUDGET_EXCEEDED');
    await expectUnchanged(before, usage, "the spender's usage");
  });

  it("spends no campaign's budget from outside its table: naming a campaign one is not in is FORBIDDEN, by any road", async () => {
    const input = { prompt: 'Plot hooks for someone else.', maxTokens: MAX_TOKENS, context: { campaignId } };
    expectRefused(await platform.gql(TEXT, { input }, STRANGER), 200, 'FORBIDDEN');
    const batch = await platform.gql(
      'mutation($input: BatchGenerateInput!) { batchGenerate(input: $input) { completed } }',
      { input: { items: [input] } },
      STRANGER,
    );
    expectRefused(batch, 200, 'FORBIDDEN');
    // Its DM spends it.
    expect((await platform.gql(TEXT, { input }, DM)).data?.generateText.generation.status).toBe('COMPLETED');
  });
});
