/**
 * Type `stable_diffusion`: an Automatic1111 web UI (started with --api), images only, through its txt2img endpoint
 * with fetch. The configured model is asked for as the checkpoint of each call (override_settings), so several
 * entries can share one server with different checkpoints.
 */
import type { ProviderConfig } from '#lib/config/llm-config.js';
import { Deadline } from '../deadline.js';
import { pngSize } from '../png-info.js';
import { ProviderError, type Capability, type ImageRequest, type ImageResult, type Provider, type ProviderStatus } from '../provider.js';

// 60 s: a batch of four 512 px images takes 10-40 s on a consumer GPU; longer is a stuck server.
const DEFAULT_TIMEOUT_MS = 60_000;
// 20 steps at cfg 7 with Euler a: the web UI's own defaults, a good quality per second on SD 1.5 and SDXL.
const STEPS = 20;
const CFG_SCALE = 7;
const SAMPLER = 'Euler a';
// The UNet works on 8 px latent blocks: A1111 rounds other sizes down itself, we round first so we know the size.
const SIZE_STEP = 8;
// Shown as the model when hub.yaml names none: the server then uses whatever checkpoint it has loaded.
const SERVER_CHECKPOINT = 'server-checkpoint';

interface Txt2ImgAnswer {
  images?: unknown;
  info?: unknown;
}

export class StableDiffusionProvider implements Provider {
  readonly type = 'stable_diffusion';
  readonly capabilities: readonly Capability[] = ['image'];
  readonly defaultModel: string;
  readonly defaultImageModel: string;
  readonly #url: string | undefined;
  readonly #timeoutMs: number;

  constructor(
    readonly name: string,
    config: ProviderConfig,
  ) {
    this.defaultModel = config.model ?? SERVER_CHECKPOINT;
    this.defaultImageModel = this.defaultModel;
    this.#url = config.url?.replace(/\/+$/, '');
    this.#timeoutMs = config.timeout !== undefined ? config.timeout * 1000 : DEFAULT_TIMEOUT_MS;
  }

  async generateImage(request: ImageRequest): Promise<ImageResult> {
    const where = `stable_diffusion provider "${this.name}"`;
    if (!this.#url) throw new ProviderError('UNAVAILABLE', `${where}: no url configured`);
    const width = Math.max(SIZE_STEP, Math.round(request.width / SIZE_STEP) * SIZE_STEP);
    const height = Math.max(SIZE_STEP, Math.round(request.height / SIZE_STEP) * SIZE_STEP);
    const body = {
      prompt: request.prompt,
      negative_prompt: request.negativePrompt ?? '',
      seed: request.seed,
      steps: STEPS,
      cfg_scale: CFG_SCALE,
      width,
      height,
      sampler_name: SAMPLER,
      batch_size: request.n,
      ...(request.model !== SERVER_CHECKPOINT ? { override_settings: { sd_model_checkpoint: request.model } } : {}),
    };
    const deadline = new Deadline(request.signal, this.#timeoutMs);
    let answer: Txt2ImgAnswer;
    try {
      const response = await fetch(`${this.#url}/sdapi/v1/txt2img`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: deadline.signal,
      });
      if (!response.ok) {
        const kind = response.status === 422 || response.status === 404 ? 'BAD_REQUEST' : 'UNAVAILABLE';
        throw new ProviderError(kind, `${where}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      }
      answer = (await response.json()) as Txt2ImgAnswer;
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      if (deadline.timedOut) throw new ProviderError('TIMEOUT', `${where}: no answer within ${this.#timeoutMs} ms`);
      if (deadline.cancelled) throw new ProviderError('CANCELLED', `${where}: cancelled`);
      if (err instanceof SyntaxError) throw new ProviderError('BAD_RESPONSE', `${where}: the answer is not JSON`);
      throw new ProviderError('UNAVAILABLE', `${where}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      deadline.clear();
    }
    return { model: modelOf(answer.info) ?? request.model, images: decodeImages(answer, where) };
  }

  status(): ProviderStatus {
    return {
      name: this.name,
      type: this.type,
      capabilities: [...this.capabilities],
      models: [this.defaultModel],
      healthy: this.#url !== undefined,
      ...(this.#url ? {} : { reason: 'no url configured (set url, e.g. ${SD_URL}, to an Automatic1111 server started with --api)' }),
      keys: [],
    };
  }
}

function decodeImages(answer: Txt2ImgAnswer, where: string): ImageResult['images'] {
  if (!Array.isArray(answer.images) || answer.images.length === 0) throw new ProviderError('BAD_RESPONSE', `${where}: the answer has no images`);
  return answer.images.map((encoded: unknown) => {
    const png = Buffer.from(typeof encoded === 'string' ? encoded : '', 'base64');
    const size = pngSize(png);
    if (!size) throw new ProviderError('BAD_RESPONSE', `${where}: an image is not a PNG`);
    return { png, ...size };
  });
}

/** The checkpoint that really drew the images, from `info` (a JSON string inside the JSON answer). */
function modelOf(info: unknown): string | undefined {
  if (typeof info !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(info);
    return typeof parsed === 'object' && parsed !== null && 'sd_model_name' in parsed && typeof parsed.sd_model_name === 'string'
      ? parsed.sd_model_name
      : undefined;
  } catch {
    return undefined;
  }
}
