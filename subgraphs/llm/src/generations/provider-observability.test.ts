import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/db/index.js';
import { startTracing } from '#lib/telemetry/tracing.js';
import { startOpenAiServer, type FakeServer } from '../../../../tests/fakes/openai-server.js';
import type { schema } from '../db/schema.js';
import { keyId } from '../providers/key-ring.js';
import { LocalProvider } from '../providers/local/local-provider.js';
import { OpenAiProvider } from '../providers/openai/openai-provider.js';
import { openLlmTestDatabase, startLlmTestServer, type LlmTestServer } from '../testing/llm-test-server.js';
import { createStaticSource } from './static-source.js';

const REVOKED = 'sk-test-401';
const GOOD = 'sk-good-provider-spans-key';
const tracing = startTracing({ service: 'llm', config: { enabled: true, sample_ratio: 1, keep_traces: 50 } });
let database: Database<typeof schema>;
let openai: FakeServer;
let server: LlmTestServer;
beforeAll(async () => {
  openai = await startOpenAiServer();
  database = await openLlmTestDatabase();
  const provider = new OpenAiProvider('openai', { base_url: `${openai.url}/v1`, api_keys: [REVOKED, GOOD], timeout: 5, model: 'gpt-4o-mini' });
  // The stand-in breaks its stream half-way for this model.
  const flaky = new OpenAiProvider('flaky', { base_url: `${openai.url}/v1`, api_keys: [GOOD], timeout: 5, model: 'fake-stream-error' });
  const providers = createStaticSource([provider, flaky, new LocalProvider('local')], { openai: ['local'], flaky: ['local'] });
  // Priced so that the cost series has something to add up: $2 and $8 per million tokens.
  const pricing = { input_per_million_tokens: 2, output_per_million_tokens: 8 };
  const llmService = { providers: { openai: { type: 'openai', pricing }, flaky: { type: 'openai', pricing }, local: {} } };
  server = await startLlmTestServer(database, { providers, llmService });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
  await openai?.close();
  await tracing.shutdown();
});

const TEXT = 'mutation ($input: GenerateTextInput!) { generateText(input: $input) { generation { status provider usage { promptTokens completionTokens } } } }';

/** A generation as part of the trace `traceId` (the gateway's traceparent), and the provider spans it made. */
async function generate(traceId: string, input: Record<string, unknown>) {
  const result = await server.client.request(TEXT, { input }, 'span-user', { traceparent: `00-${traceId}-b7ad6b7169203331-01` });
  expect(result.errors).toBeUndefined();
  const spans = tracing.recent.spans(traceId);
  return { generation: result.data?.generateText.generation, spans, providerSpans: spans.filter((span) => span.name.startsWith('llm ')) };
}

describe('LLM provider calls in the trace', () => {
  it('one CLIENT span per attempt with provider, model, the key id used (never the key), tokens and outcome', async () => {
    const { generation, spans, providerSpans } = await generate('11111111111111111111111111111111', { prompt: 'Who guards the bridge?' });
    expect(generation).toMatchObject({ status: 'COMPLETED', provider: 'openai' });
    expect(providerSpans).toHaveLength(1);
    const server = spans.find((span) => span.kind === 'SERVER')!;
    expect(providerSpans[0]).toMatchObject({
      name: 'llm text openai',
      kind: 'CLIENT',
      status: 'UNSET',
      attributes: {
        'llm.provider': 'openai',
        'gen_ai.system': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'llm.key_id': keyId(GOOD),
        'llm.outcome': 'ok',
        'gen_ai.usage.input_tokens': generation.usage.promptTokens,
        'gen_ai.usage.output_tokens': generation.usage.completionTokens,
      },
    });
    // Under the request's span (through the resolver), in the caller's trace.
    expect(server.parentSpanId).toBe('b7ad6b7169203331');
    expect(JSON.stringify(spans)).not.toContain(GOOD);
    expect(JSON.stringify(spans)).not.toContain(REVOKED);
  });

  it('a failed attempt is an ERROR span with its kind, followed by the fallback provider', async () => {
    const { generation, providerSpans } = await generate('22222222222222222222222222222222', { prompt: 'Who guards the bridge?', provider: 'flaky' });
    expect(generation).toMatchObject({ status: 'COMPLETED', provider: 'local' });
    expect(providerSpans.map((span) => [span.name, span.status, span.attributes['llm.outcome']])).toEqual([
      ['llm text flaky', 'ERROR', 'BAD_RESPONSE'],
      ['llm text local', 'UNSET', 'ok'],
    ]);
    expect(providerSpans[0]!.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
  });

  it('an image call is a span with the pictures it returned', async () => {
    const traceId = '33333333333333333333333333333333';
    const IMAGE = 'mutation ($input: GenerateImageInput!) { generateImage(input: $input) { generation { status provider } } }';
    const result = await server.client.request(IMAGE, { input: { prompt: 'a red dragon', provider: 'local', width: 256, height: 256, n: 2 } }, 'span-user', {
      traceparent: `00-${traceId}-b7ad6b7169203331-01`,
    });
    expect(result.data?.generateImage.generation).toMatchObject({ status: 'COMPLETED', provider: 'local' });
    const span = tracing.recent.spans(traceId).find((s) => s.name === 'llm image local');
    expect(span).toMatchObject({ kind: 'CLIENT', attributes: { 'llm.outcome': 'ok', 'llm.images': 2, 'gen_ai.operation.name': 'image' } });
  });
});

/** The llm's /metrics text, as Prometheus scrapes it. */
async function scrape(): Promise<string> {
  return (await server.client.get('/metrics')).text();
}

function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('LLM series at /metrics', () => {
  it('count generations, tokens and cost by provider, failed attempts included', async () => {
    const before = await scrape();
    const ok = await generate('44444444444444444444444444444444', { prompt: 'Who guards the bridge?' });
    const fellBack = await generate('55555555555555555555555555555555', { prompt: 'Who guards the bridge?', provider: 'flaky' });
    const after = await scrape();
    const delta = (series: string) => value(after, series) - value(before, series);

    expect(delta('llm_generations_total{provider="openai",status="COMPLETED",service="llm"}')).toBe(1);
    expect(delta('llm_generations_total{provider="local",status="COMPLETED",service="llm"}')).toBe(1);
    const { promptTokens, completionTokens } = ok.generation.usage;
    expect(delta('llm_tokens_total{provider="openai",kind="prompt",service="llm"}')).toBe(promptTokens);
    expect(delta('llm_tokens_total{provider="openai",kind="completion",service="llm"}')).toBe(completionTokens);
    expect(delta('llm_cost_usd_total{provider="openai",service="llm"}')).toBeCloseTo((promptTokens * 2 + completionTokens * 8) / 1e6, 12);
    // The broken stream's attempt is paid for under the provider that broke it, the rest under local.
    const flakySpan = fellBack.providerSpans.find((span) => span.name === 'llm text flaky')!;
    expect(delta('llm_tokens_total{provider="flaky",kind="completion",service="llm"}')).toBe(flakySpan.attributes['gen_ai.usage.output_tokens']);
    expect(delta('llm_tokens_total{provider="local",kind="completion",service="llm"}')).toBe(fellBack.generation.usage.completionTokens);
    expect(after).toMatch(/^llm_running_generations\{service="llm"\} 0$/m);
  });
});
