import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmServiceConfig } from '#lib/config/llm-config.js';
import { startOpenAiServer, type FakeServer } from '../../../../tests/fakes/openai-server.js';
import { keyId } from './key-ring.js';
import { LOCAL_IMAGE_MODEL } from './local/local-image.js';
import { LOCAL_MODEL } from './local/write-text.js';
import type { TextRequest } from './provider.js';
import { ProviderRegistry, UnknownProviderError } from './registry.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());

const quiet = { log: () => undefined };
const config = (providers: Record<string, unknown>) => llmServiceConfig.parse({ providers });

async function drain(stream: AsyncIterable<unknown>): Promise<string | null> {
  try {
    for await (const chunk of stream) void chunk;
    return null;
  } catch (err) {
    return err instanceof Error && 'kind' in err ? String(err.kind) : 'other';
  }
}

const textRequest = (model: string): TextRequest => ({
  kind: 'FREEFORM',
  prompt: 'hi',
  context: {},
  model,
  seed: 1,
  maxTokens: 50,
  signal: new AbortController().signal,
});

describe('ProviderRegistry', () => {
  const registry = new ProviderRegistry(
    config({
      openai: { model: 'gpt-4o-mini', api_keys: ['sk-a'], fallback: ['sd', 'ollama', 'local', 'ollama'] },
      ollama: { type: 'openai', base_url: 'http://127.0.0.1:11434/v1', model: 'llama3', fallback: ['local'] },
      sd: { type: 'stable_diffusion', url: 'http://127.0.0.1:7860', model: 'sdxl', fallback: ['openai', 'local'] },
      local: {},
    }),
    quiet,
  );
  const names = (list: { name: string }[]) => list.map((p) => p.name);

  it('chains the first capable provider in hub.yaml order, then its capable fallbacks without repeats', () => {
    expect(names(registry.chain('text'))).toEqual(['openai', 'ollama', 'local']);
    // ollama is type openai: it does images too.
    expect(names(registry.chain('image'))).toEqual(['openai', 'sd', 'ollama', 'local']);
    expect(names(registry.chain('image', 'sd'))).toEqual(['sd', 'openai', 'local']);
    expect(names(registry.chain('text', 'ollama'))).toEqual(['ollama', 'local']);
    expect(registry.chain('text', 'sd')).toEqual([]);
  });

  it('refuses an unknown provider name with a typed BAD_USER_INPUT error naming the known ones', () => {
    expect(() => registry.chain('text', 'anthropic')).toThrow(UnknownProviderError);
    expect(() => registry.chain('text', 'anthropic')).toThrow(/"anthropic" is not a configured provider \(one of openai, ollama, sd, local\)/);
    expect(registry.get('anthropic')).toBeUndefined();
  });

  it('reports statuses with models (configured first), fallback lists and key ids only', () => {
    const statuses = registry.statuses();
    expect(statuses.map((s) => [s.name, s.type, s.models[0], s.fallback])).toEqual([
      ['openai', 'openai', 'gpt-4o-mini', ['sd', 'ollama', 'local', 'ollama']],
      ['ollama', 'openai', 'llama3', ['local']],
      ['sd', 'stable_diffusion', 'sdxl', ['openai', 'local']],
      ['local', 'local', LOCAL_MODEL, []],
    ]);
    expect(statuses.find((s) => s.name === 'local')?.models).toEqual([LOCAL_MODEL, LOCAL_IMAGE_MODEL]);
    expect(statuses[0]?.keys).toEqual([{ id: keyId('sk-a'), state: 'ACTIVE' }]);
    expect(JSON.stringify(statuses)).not.toContain('sk-a"');
  });

  it('defaults to the local provider alone, and says why a provider without url or keys cannot serve', () => {
    const lines: string[] = [];
    const defaults = new ProviderRegistry(llmServiceConfig.parse({}), { log: (line) => lines.push(line) });
    expect(names(defaults.chain('text'))).toEqual(['local']);
    new ProviderRegistry(config({ openai: {}, stable_diffusion: { url: '' }, local: {} }), { log: (line) => lines.push(line) });
    expect(lines).toEqual([
      expect.stringContaining('"openai" (openai) cannot serve now: no api_keys configured'),
      expect.stringContaining('"stable_diffusion" (stable_diffusion) cannot serve now: no url configured'),
    ]);
  });

  it('keeps key states across reload by key id, and a changed key takes effect at once', async () => {
    const first = { openai: { base_url: `${server.url}/v1`, api_keys: ['sk-test-401', 'sk-good-1111'] } };
    const live = new ProviderRegistry(config(first), quiet);
    const openai = () => live.get('openai');
    const call = () => {
      const stream = openai()?.streamText?.(textRequest('gpt-4o-mini'));
      if (!stream) throw new Error('openai does not stream text');
      return drain(stream);
    };
    expect(await call()).toBeNull();
    expect(openai()?.status().keys).toEqual([
      { id: keyId('sk-test-401'), state: 'UNAUTHORIZED' },
      { id: keyId('sk-good-1111'), state: 'ACTIVE' },
    ]);
    live.reload(config({ openai: { base_url: `${server.url}/v1`, api_keys: ['sk-test-401', 'sk-good-2222'] } }));
    expect(openai()?.status().keys).toEqual([
      { id: keyId('sk-test-401'), state: 'UNAUTHORIZED' },
      { id: keyId('sk-good-2222'), state: 'ACTIVE' },
    ]);
    const before = server.requests.length;
    expect(await call()).toBeNull();
    // The key that answered 401 stays out after the reload: the only call made used the new key.
    expect(server.requests.slice(before).map((r) => r.authorization)).toEqual(['Bearer sk-good-2222']);
  });
});
