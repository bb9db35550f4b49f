import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SD_MODEL, startA1111Server, type FakeServer } from '../../../../../tests/fakes/a1111-server.js';
import type { ImageRequest } from '../provider.js';
import { StableDiffusionProvider } from './stable-diffusion-provider.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startA1111Server();
});
afterAll(() => server.close());

const sd = (timeout = 5) => new StableDiffusionProvider('sd', { url: server.url, model: FAKE_SD_MODEL, timeout });
const request = (overrides: Partial<ImageRequest> = {}): ImageRequest => ({
  prompt: 'a dwarf fighter, oil painting',
  negativePrompt: 'blurry',
  model: FAKE_SD_MODEL,
  width: 130,
  height: 96,
  n: 2,
  seed: 77,
  signal: new AbortController().signal,
  ...overrides,
});

describe('StableDiffusionProvider against the A1111 stand-in', () => {
  it('posts txt2img with the wire fields and returns checked PNGs with their sizes', async () => {
    const before = server.requests.length;
    const result = await sd().generateImage(request());
    expect(server.requests[before]).toMatchObject({ method: 'POST', path: '/sdapi/v1/txt2img' });
    expect(server.requests[before]?.body).toMatchObject({
      prompt: 'a dwarf fighter, oil painting',
      negative_prompt: 'blurry',
      seed: 77,
      steps: 20,
      cfg_scale: 7,
      width: 128,
      height: 96,
      sampler_name: 'Euler a',
      batch_size: 2,
      override_settings: { sd_model_checkpoint: FAKE_SD_MODEL },
    });
    expect(result.model).toBe(FAKE_SD_MODEL);
    expect(result.images.map((i) => [i.width, i.height])).toEqual([
      [128, 96],
      [128, 96],
    ]);
  });

  it.each([
    ['fake-garbage', 'BAD_RESPONSE'],
    ['fake-not-json', 'BAD_RESPONSE'],
    ['fake-500', 'UNAVAILABLE'],
  ])('maps checkpoint %s to %s', async (model, kind) => {
    await expect(sd().generateImage(request({ model }))).rejects.toMatchObject({ kind });
  });

  it('times out a hang, stops on our abort, and is UNAVAILABLE when the server is gone or not configured', async () => {
    await expect(sd(0.3).generateImage(request({ model: 'fake-hang' }))).rejects.toMatchObject({ kind: 'TIMEOUT' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(sd().generateImage(request({ model: 'fake-hang', signal: controller.signal }))).rejects.toMatchObject({ kind: 'CANCELLED' });
    await expect(new StableDiffusionProvider('sd', { url: 'http://127.0.0.1:9' }).generateImage(request())).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
    const unconfigured = new StableDiffusionProvider('sd', {});
    expect(unconfigured.status()).toMatchObject({ healthy: false, reason: expect.stringContaining('no url') });
    await expect(unconfigured.generateImage(request())).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
  });
});
