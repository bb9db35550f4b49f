import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_WORDS, startOpenAiServer, type FakeServer } from '../../../../../tests/fakes/openai-server.js';
import { keyId } from '../key-ring.js';
import { ProviderError, type TextChunk, type TextRequest } from '../provider.js';
import { countTokens } from '../token-counter.js';
import { OpenAiProvider } from './openai-provider.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());

const GOOD = 'sk-good-aaaaaaaaaaaaaaaa';
const provider = (keys: string[], timeout = 5) => new OpenAiProvider('openai', { base_url: `${server.url}/v1`, api_keys: keys, timeout, model: 'gpt-4o-mini' });
const request = (overrides: Partial<TextRequest> = {}): TextRequest => ({
  kind: 'BACKSTORY',
  prompt: 'Make him grumpy.',
  context: { characterName: 'Thorin', race: 'dwarf' },
  model: 'gpt-4o-mini',
  seed: 42,
  maxTokens: 100,
  signal: new AbortController().signal,
  ...overrides,
});

async function run(p: OpenAiProvider, overrides: Partial<TextRequest> = {}): Promise<{ chunks: TextChunk[]; error: ProviderError | null }> {
  const chunks: TextChunk[] = [];
  try {
    for await (const chunk of p.streamText(request(overrides))) chunks.push(chunk);
    return { chunks, error: null };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    return { chunks, error: err };
  }
}

const textOf = (chunks: TextChunk[]) => chunks.map((c) => (c.type === 'delta' ? c.text : '')).join('');

describe('OpenAiProvider text against the stand-in', () => {
  it('streams deltas, then done with the usage chunk, sending model, max_tokens, seed and include_usage', async () => {
    const before = server.requests.length;
    const { chunks, error } = await run(provider([GOOD]));
    expect(error).toBeNull();
    expect(textOf(chunks)).toBe(REPLY_WORDS.join(' '));
    expect(chunks.filter((c) => c.type === 'delta').length).toBe(REPLY_WORDS.length / 2);
    expect(chunks.at(-1)).toEqual({
      type: 'done',
      model: 'gpt-4o-mini',
      finishReason: 'stop',
      usage: { promptTokens: expect.any(Number), completionTokens: REPLY_WORDS.length },
    });
    const sent = server.requests[before];
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/chat/completions', authorization: `Bearer ${GOOD}` });
    expect(sent?.body).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true }, max_tokens: 100, seed: 42 });
    expect(sent?.body).toMatchObject({
      messages: [
        { role: 'system', content: expect.stringContaining('Character name: Thorin') },
        { role: 'user', content: 'Make him grumpy.' },
      ],
    });
  });

  it('reports finish_reason length when max_tokens cuts the answer', async () => {
    const { chunks } = await run(provider([GOOD]), { maxTokens: 4 });
    expect(chunks.at(-1)).toMatchObject({ type: 'done', finishReason: 'length', usage: { completionTokens: 4 } });
  });

  it.each([
    ['fake-stream-error', 'BAD_RESPONSE', 4],
    ['fake-drop', 'BAD_RESPONSE', 4],
    ['fake-truncated', 'BAD_RESPONSE', 4],
    ['fake-garbage', 'BAD_RESPONSE', 0],
    ['fake-500', 'UNAVAILABLE', 0],
    ['missing-model', 'BAD_REQUEST', 0],
  ])('maps model %s to %s, with the words already sent', async (model, kind, words) => {
    const { chunks, error } = await run(provider([GOOD]), { model });
    expect(error?.kind).toBe(kind);
    expect(textOf(chunks).split(' ').filter(Boolean)).toHaveLength(words);
    if (words > 0) expect(error?.details.partialUsage).toEqual({ promptTokens: expect.any(Number), completionTokens: countTokens(textOf(chunks)) });
  });

  it('times out a hang before the answer and a stall between chunks', async () => {
    const started = Date.now();
    const hang = await run(provider([GOOD], 0.3), { model: 'fake-hang' });
    expect(hang.error?.kind).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
    const stall = await run(provider([GOOD], 0.3), { model: 'fake-stall' });
    expect(stall.error?.kind).toBe('TIMEOUT');
    expect(stall.error?.details.partialUsage?.completionTokens).toBe(countTokens(textOf(stall.chunks)));
  });

  it('stops on our abort with CANCELLED', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error } = await run(provider([GOOD]), { model: 'fake-stall', signal: controller.signal });
    expect(error?.kind).toBe('CANCELLED');
  });

  it('answers UNAVAILABLE when the server is not there', async () => {
    const gone = new OpenAiProvider('openai', { base_url: 'http://127.0.0.1:9/v1', api_keys: [GOOD] });
    expect((await run(gone)).error?.kind).toBe('UNAVAILABLE');
  });
});

describe('OpenAiProvider keys', () => {
  it.each([
    ['sk-test-401', 'UNAUTHORIZED', undefined],
    ['sk-test-quota', 'QUOTA_EXCEEDED', undefined],
    ['sk-test-429', 'RATE_LIMITED', 1500],
    ['sk-test-429-reset', 'RATE_LIMITED', 360_000],
  ])('maps key %s to %s and takes it out of rotation', async (key, kind, retryAfterMs) => {
    const p = provider([key]);
    const { error } = await run(p);
    expect(error?.kind).toBe(kind);
    expect(error?.details.keyId).toBe(keyId(key));
    if (retryAfterMs !== undefined) expect(error?.details.retryAfterMs).toBeGreaterThan(retryAfterMs - 50);
    if (retryAfterMs !== undefined) expect(error?.details.retryAfterMs).toBeLessThanOrEqual(retryAfterMs);
    expect(p.status().keys).toEqual([expect.objectContaining({ id: keyId(key), state: kind })]);
    expect(p.status()).toMatchObject({ healthy: false, reason: expect.stringContaining('out of rotation') });
    // Out of rotation: the next call does not reach the server with that key.
    const before = server.requests.length;
    expect((await run(p)).error?.kind).toBe(kind === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'UNAVAILABLE');
    expect(server.requests.length).toBe(before);
  });

  it('moves on to the next key within a call and rotates round robin over the good ones', async () => {
    const p = provider(['sk-test-401', 'sk-good-one-xxxxxxxx', 'sk-test-quota', 'sk-good-two-xxxxxxxx']);
    const before = server.requests.length;
    for (let i = 0; i < 4; i++) expect((await run(p)).error).toBeNull();
    const used = server.requests.slice(before).map((r) => r.authorization?.replace('Bearer ', ''));
    expect(used).toEqual(['sk-test-401', 'sk-good-one-xxxxxxxx', 'sk-test-quota', 'sk-good-two-xxxxxxxx', 'sk-good-one-xxxxxxxx', 'sk-good-two-xxxxxxxx']);
    expect(p.status().keys.map((k) => k.state)).toEqual(['UNAUTHORIZED', 'ACTIVE', 'QUOTA_EXCEEDED', 'ACTIVE']);
    expect(p.status().healthy).toBe(true);
  });

  it('is unhealthy with no keys for OpenAI itself, and runs keyless against a compatible base_url', async () => {
    expect(new OpenAiProvider('openai', {}).status()).toMatchObject({ healthy: false, reason: 'no api_keys configured' });
    const keyless = new OpenAiProvider('ollama', { type: 'openai', base_url: `${server.url}/v1`, model: 'llama3' });
    expect(keyless.status().healthy).toBe(true);
    expect((await run(keyless, { model: 'llama3' })).error).toBeNull();
  });

  it('never shows a key in errors or status, even when the provider echoes it', async () => {
    const keys = ['sk-test-401', 'sk-test-quota', 'sk-test-429'];
    const p = provider(keys);
    const { error } = await run(p);
    const shown = [error?.message, JSON.stringify(error?.details), JSON.stringify(p.status())].join('\n');
    for (const key of keys) expect(shown).not.toContain(key);
    expect(shown).not.toMatch(/sk-test/);
  });
});

describe('OpenAiProvider images', () => {
  // dall-e-2 at 256 px: the stand-in draws every pixel it is asked for, and small images keep the test fast.
  const image = (p: OpenAiProvider, model = 'dall-e-2', n = 2) =>
    p.generateImage({ prompt: 'a dwarf fighter', model, width: 300, height: 280, n, seed: 1, signal: new AbortController().signal });

  it('asks for b64_json at a size the model supports and returns PNGs with their real size', async () => {
    const before = server.requests.length;
    const result = await image(provider([GOOD]));
    expect(server.requests[before]?.body).toMatchObject({ model: 'dall-e-2', n: 2, size: '256x256', response_format: 'b64_json', prompt: 'a dwarf fighter' });
    expect(result.images).toHaveLength(2);
    expect(result.images[0]).toMatchObject({ width: 256, height: 256, revisedPrompt: expect.stringContaining('a dwarf fighter') });
    expect(result.images[0]?.png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('maps garbage and key errors', async () => {
    await expect(image(provider([GOOD]), 'fake-garbage')).rejects.toMatchObject({ kind: 'BAD_RESPONSE' });
    await expect(image(provider(['sk-test-401']))).rejects.toMatchObject({ kind: 'UNAUTHORIZED' });
    await expect(image(provider(['sk-test-401', GOOD]), 'dall-e-2', 1)).resolves.toMatchObject({ model: 'dall-e-2' });
  });
});
