import { createHash } from 'node:crypto';
import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import { badUserInput } from '#lib/graphql/index.js';
import type { GenerateImageInput } from '../__generated__/resolvers-types.js';
import { optionalUuid, readPrompt } from './validate-input.js';

// 256-1024 px in steps of 64: what Stable Diffusion's latent space (multiples of 64 at SD 1.x/XL) renders cleanly
// and what OpenAI's sizes round to; above 1024 one image costs more time and memory than a portrait needs.
const MIN_SIDE = 256;
const MAX_SIDE = 1024;
const SIDE_STEP = 64;
// 512 px: a portrait or token at a size every provider renders quickly.
const DEFAULT_SIDE = 512;
// 1-4 images: a choice of portraits to pick from; more is a gallery, at four times the cost and wait.
const MAX_IMAGES = 4;

export interface ValidGenerateImageInput {
  prompt: string;
  negativePrompt: string | null;
  width: number;
  height: number;
  n: number;
  seed: number;
  provider: string | null;
  model: string | null;
  characterId: string | null;
}

function side(value: number | null | undefined, field: string): number {
  const px = value ?? DEFAULT_SIDE;
  if (px < MIN_SIDE || px > MAX_SIDE || px % SIDE_STEP !== 0) {
    throw badUserInput(`${field} must be ${MIN_SIDE}-${MAX_SIDE} in steps of ${SIDE_STEP}, got ${px}`, { field });
  }
  return px;
}

/** Checks generateImage's input; throws BAD_USER_INPUT naming the first bad field. */
export function validateGenerateImageInput(input: GenerateImageInput, config: LlmServiceConfig): ValidGenerateImageInput {
  const prompt = readPrompt(input.prompt, 'input.prompt', config);
  if (prompt === null) throw badUserInput('input.prompt must not be empty', { field: 'input.prompt' });
  const negativePrompt = input.negativePrompt?.trim() ? readPrompt(input.negativePrompt, 'input.negativePrompt', config) : null;
  const width = side(input.width, 'input.width');
  const height = side(input.height, 'input.height');
  const n = input.n ?? 1;
  if (n < 1 || n > MAX_IMAGES) throw badUserInput(`input.n must be between 1 and ${MAX_IMAGES}, got ${n}`, { field: 'input.n' });
  // The same prompt and size give the same seed, so an identical request draws the same picture where it can.
  const seed =
    input.seed ??
    createHash('sha256')
      .update(JSON.stringify([prompt, negativePrompt, width, height]))
      .digest()
      .readUInt32BE(0) & 0x7fffffff;
  return {
    prompt,
    negativePrompt,
    width,
    height,
    n,
    seed,
    provider: input.provider?.trim() || null,
    model: input.model?.trim() || null,
    characterId: optionalUuid(input.characterId, 'input.characterId') ?? null,
  };
}
