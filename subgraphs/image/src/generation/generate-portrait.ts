import { eq } from 'drizzle-orm';
import { forbidden, notFound, runCommand, unavailable } from '#lib/domain/index.js';
import { requireCompleted } from '#lib/gateway-client/generation-result.js';
import { gatewayRequest } from '#lib/gateway-client/index.js';
import { ImageGeneratePortraitImageDocument, ImagePortraitSubjectDocument, ImageSetCharacterPortraitDocument } from '../__generated__/hub/graphql.js';
import type { GeneratePortraitInput } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { images, type ImageRow } from '../db/schema.js';
import { imageCommand } from '../events/image-command.js';
import { requireUser } from '#lib/subgraph/index.js';
import { decodeBase64Upload } from '../upload/decode-base64.js';
import { detectImage } from '../upload/detect-image.js';
import { pngBase64OfDataUrl, portraitPrompt } from './portrait-prompt.js';

// 512x512, one image: a portrait shown at card size; every provider (DALL-E, SD, local) draws it quickly.
const PORTRAIT_SIZE = 512;
// 60 s: the gateway's request_timeout (hub.yaml) bounds the whole request anyway; a real provider may take 30 s.
const GENERATE_TIMEOUT_MS = 60_000;
// 35 s: the hub's transaction timeout (30 s) plus the time to answer.
const SET_PORTRAIT_TIMEOUT_MS = 35_000;

/**
 * Checked here, before the hub's workflow: a provider's garbage (or a picture over the size limit) is the llm's
 * failure, not the caller's bad input, which is what the upload checks would call it.
 */
function isPng(dataBase64: string, maxBytes: number): boolean {
  try {
    return detectImage(decodeBase64Upload(dataBase64, maxBytes)).mimeType === 'image/png';
  } catch {
    return false;
  }
}

export interface GeneratePortraitResult {
  image: ImageRow;
  characterId: string;
  generationId: string;
  transactionId: string;
}

/**
 * A portrait drawn by the llm becomes the character's portrait. Everything goes through the hub as the caller:
 * the character's name, race and class (character service), the picture (llm's generateImage), then the hub's
 * setCharacterPortrait two-phase workflow, which stores the bytes here and links them in character, or neither.
 * That workflow stores portraits as uploads, so the provider is recorded right after as ImageProvenanceRecorded.
 */
export async function generatePortrait(input: GeneratePortraitInput, ctx: Context): Promise<GeneratePortraitResult> {
  const userId = requireUser(ctx);
  const hub = { caller: ctx.hub };
  const { character } = await gatewayRequest(hub, ImagePortraitSubjectDocument, { id: input.characterId });
  if (!character) throw notFound(`no character with id ${input.characterId}`, { field: 'characterId' });
  if (character.owner !== userId) throw forbidden("only the character's owner can generate its portrait", { field: 'characterId' });

  const prompt = portraitPrompt(character, input.prompt?.trim() || null);
  const drawn = await gatewayRequest({ ...hub, timeoutMs: GENERATE_TIMEOUT_MS }, ImageGeneratePortraitImageDocument, {
    input: { prompt, characterId: character.id, width: PORTRAIT_SIZE, height: PORTRAIT_SIZE, n: 1, seed: input.seed ?? null },
  });
  const generation = requireCompleted(drawn.generateImage.generation);
  const dataBase64 = generation.images[0] ? pngBase64OfDataUrl(generation.images[0].dataUrl) : null;
  if (!dataBase64 || !isPng(dataBase64, ctx.settings.maxBytes)) {
    throw unavailable('the llm answered without a usable PNG image', { generationId: generation.id });
  }

  const linked = await gatewayRequest({ ...hub, timeoutMs: SET_PORTRAIT_TIMEOUT_MS }, ImageSetCharacterPortraitDocument, {
    input: { characterId: character.id, dataBase64, prompt },
  });
  const imageId = linked.setCharacterPortrait.image.id;
  const transactionId = linked.setCharacterPortrait.transaction.id;
  const image = await runCommand(ctx.db, {
    ...imageCommand(imageId, { correlationId: ctx.correlationId, causationId: transactionId, userId }),
    // Version 1 is the workflow's ImageStored; a delete in between makes this a CONFLICT instead of a lost event.
    expectedVersion: 1,
    load: async (tx) => (await tx.select().from(images).where(eq(images.id, imageId)))[0] ?? null,
    decide: (row) => {
      if (!row) throw notFound(`image ${imageId} was deleted before its provenance was recorded`);
      const data = { imageId, provider: generation.provider, model: generation.model, generationId: generation.id };
      return { events: [{ type: 'ImageProvenanceRecorded', data }], outcome: undefined };
    },
    answer: async (tx) => {
      const [row] = await tx.select().from(images).where(eq(images.id, imageId));
      if (!row) throw new Error(`image ${imageId} has no row right after its provenance was projected`);
      return row;
    },
  });
  ctx.loaders.imageById.clear(image.id).prime(image.id, image);
  return { image, characterId: character.id, generationId: generation.id, transactionId };
}
