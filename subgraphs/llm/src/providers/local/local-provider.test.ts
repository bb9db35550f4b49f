import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { ProviderError, type TextChunk, type TextRequest } from '../provider.js';
import { countTokens } from '../token-counter.js';
import { LocalProvider, splitIntoDeltas } from './local-provider.js';
import { LOCAL_IMAGE_MODEL } from './local-image.js';
import { LOCAL_MODEL, writeLocalText } from './write-text.js';

const provider = new LocalProvider('local');
const request = (overrides: Partial<TextRequest> = {}): TextRequest => ({
  kind: 'BACKSTORY',
  prompt: null,
  context: { characterName: 'Thorin', race: 'dwarf', characterClass: 'fighter' },
  model: LOCAL_MODEL,
  seed: 7,
  maxTokens: 2048,
  signal: new AbortController().signal,
  ...overrides,
});

async function collect(stream: AsyncIterable<TextChunk>): Promise<TextChunk[]> {
  const chunks: TextChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('LocalProvider text', () => {
  it('streams the grammar text as deltas of a few words, then one done with tokenizer usage', async () => {
    const chunks = await collect(provider.streamText(request()));
    const deltas = chunks.filter((c) => c.type === 'delta');
    const done = chunks.at(-1);
    expect(deltas.length).toBeGreaterThan(20);
    expect(chunks.filter((c) => c.type === 'done')).toHaveLength(1);
    const text = deltas.map((c) => (c.type === 'delta' ? c.text : '')).join('');
    expect(text).toContain('Thorin');
    expect(done).toMatchObject({ type: 'done', model: LOCAL_MODEL, finishReason: 'stop' });
    if (done?.type !== 'done') throw new Error('no done chunk');
    expect(done.usage?.completionTokens).toBe(countTokens(text));
    expect(done.usage?.promptTokens).toBeGreaterThan(10);
  });

  it('splits text into deltas that join back to it exactly', () => {
    const text = 'One two three four five.\n\nSix  seven eight nine ten eleven ';
    const deltas = splitIntoDeltas(text);
    expect(deltas.join('')).toBe(text);
    expect(deltas[0]).toBe('One two three four');
  });

  it('is reproducible per seed and stays within maxTokens with finishReason length', async () => {
    const a = await collect(provider.streamText(request({ maxTokens: 40 })));
    const b = await collect(provider.streamText(request({ maxTokens: 40 })));
    expect(a).toEqual(b);
    const done = a.at(-1);
    expect(done).toMatchObject({ type: 'done', finishReason: 'length' });
    if (done?.type !== 'done') throw new Error('no done chunk');
    expect(done.usage?.completionTokens).toBeLessThanOrEqual(40);
  });

  it('sends the first delta without waiting for a turn of the event loop', async () => {
    // Queued before the stream starts: a provider that waited a turn before its first delta would come after it.
    let turned = false;
    setImmediate(() => (turned = true));
    const iterator = provider.streamText(request())[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ type: 'delta' });
    expect(turned).toBe(false);
    await iterator.return?.();
  });

  it('streams exactly the text and usage writeLocalText gives for the seed, cut or not', async () => {
    for (const maxTokens of [5, 40, 2048]) {
      for (const kind of ['BACKSTORY', 'PLOT_HOOK', 'FREEFORM'] as const) {
        const asked = request({ kind, maxTokens, prompt: kind === 'FREEFORM' ? 'Who built the tower?' : null });
        const chunks = await collect(provider.streamText(asked));
        const written = writeLocalText(asked);
        expect(chunks.map((c) => (c.type === 'delta' ? c.text : '')).join('')).toBe(written.text);
        expect(chunks.at(-1)).toEqual({
          type: 'done',
          model: LOCAL_MODEL,
          finishReason: written.truncated ? 'length' : 'stop',
          usage: { promptTokens: written.promptTokens, completionTokens: written.completionTokens },
        });
      }
    }
  });

  it('stops between chunks when aborted, with the tokens sent so far as partial usage', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      try {
        for await (const chunk of provider.streamText(request({ signal: controller.signal }))) {
          if (chunk.type === 'delta') seen.push(chunk.text);
          if (seen.length === 3) controller.abort();
        }
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ProviderError);
    if (!(error instanceof ProviderError)) return;
    expect(error.kind).toBe('CANCELLED');
    expect(seen).toHaveLength(3);
    expect(error.details.partialUsage?.completionTokens).toBe(countTokens(seen.join('')));
  });
});

describe('LocalProvider images', () => {
  const image = (overrides: { prompt?: string; seed?: number; width?: number; height?: number; n?: number } = {}) =>
    provider.generateImage({
      prompt: 'a dwarf fighter',
      model: LOCAL_IMAGE_MODEL,
      width: 256,
      height: 192,
      n: 1,
      seed: 3,
      signal: new AbortController().signal,
      ...overrides,
    });

  it('draws a valid PNG of the asked size', async () => {
    const result = await image();
    expect(result.model).toBe(LOCAL_IMAGE_MODEL);
    const [first] = result.images;
    if (!first) throw new Error('no image');
    expect(first.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(imageSize(first.png)).toMatchObject({ width: 256, height: 192, type: 'png' });
    expect(first).toMatchObject({ width: 256, height: 192 });
  });

  it('is deterministic per prompt and seed, and differs when either changes', async () => {
    const [a] = (await image()).images;
    const [b] = (await image()).images;
    const [otherSeed] = (await image({ seed: 4 })).images;
    const [otherPrompt] = (await image({ prompt: 'an elf wizard' })).images;
    expect(a?.png.equals(b?.png ?? Buffer.alloc(0))).toBe(true);
    expect(a?.png.equals(otherSeed?.png ?? Buffer.alloc(0))).toBe(false);
    expect(a?.png.equals(otherPrompt?.png ?? Buffer.alloc(0))).toBe(false);
  });

  it('gives n different images and refuses sizes out of range', async () => {
    const { images } = await image({ n: 3, width: 64, height: 64 });
    expect(new Set(images.map((i) => i.png.toString('base64'))).size).toBe(3);
    await expect(image({ width: 4096 })).rejects.toMatchObject({ kind: 'BAD_REQUEST' });
  });
});
