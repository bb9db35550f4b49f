import { createHash } from 'node:crypto';
import { badUserInput, forbidden, notFound } from '#lib/graphql/index.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { deleteOwnedImage, insertImage } from '../db/image-store.js';
import { decodeBase64Upload } from '../upload/decode-base64.js';
import { detectImage } from '../upload/detect-image.js';
import { MAX_PROMPT_LENGTH } from '../upload/limits.js';
import { isUuid } from '#lib/db/uuid.js';
import { requireUser } from '#lib/subgraph/index.js';
import { generatePortrait } from '../generation/generate-portrait.js';
import { checkVisibilityChange, placeUpload } from '../access/campaign-placement.js';
import { visibleImage } from '../access/image-access.js';
import { changeVisibility } from '../db/image-visibility.js';

export const Mutation: MutationResolvers = {
  uploadImage: async (_parent, { input }, ctx) => {
    const ownerId = requireUser(ctx);
    const prompt = input.prompt?.trim() || null;
    if (prompt && prompt.length > MAX_PROMPT_LENGTH) {
      throw badUserInput(`prompt is too long: at most ${MAX_PROMPT_LENGTH} characters`, { field: 'prompt' });
    }
    const visibility = input.visibility ?? 'PUBLIC';
    const campaignId = await placeUpload(ctx, input.campaignId, visibility);
    const bytes = decodeBase64Upload(input.dataBase64, ctx.settings.maxBytes);
    const { mimeType, width, height } = detectImage(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const image = await insertImage(
      ctx.db,
      { kind: input.kind, mimeType, width, height, byteSize: bytes.length, sha256, prompt, provider: 'upload', campaignId, visibility },
      bytes,
      { userId: ownerId, correlationId: ctx.correlationId },
    );
    return { image };
  },

  setImageVisibility: async (_parent, { input }, ctx) => {
    const userId = requireUser(ctx);
    // An image the caller may not see reads as missing: its existence is not told either.
    const seen = isUuid(input.id) ? await visibleImage(ctx, await ctx.loaders.imageById.load(input.id)) : null;
    if (!seen) throw notFound('No image has this id', { field: 'id' });
    const runsIt = seen.campaignId !== null && (await ctx.campaigns()).runs.has(seen.campaignId);
    const write = { userId, correlationId: ctx.correlationId };
    const image = await changeVisibility(ctx.db, seen.id, input.visibility, write, (row) => checkVisibilityChange(userId, runsIt, row, input.visibility));
    if (!image) throw notFound('No image has this id', { field: 'id' });
    return { image };
  },

  deleteImage: async (_parent, { input }, ctx) => {
    const userId = requireUser(ctx);
    const outcome = isUuid(input.id) ? await deleteOwnedImage(ctx.db, input.id, { userId, correlationId: ctx.correlationId }) : 'not_found';
    if (outcome === 'not_found') throw notFound('No image has this id', { field: 'id' });
    if (outcome === 'forbidden') throw forbidden('Only the owner of an image may delete it', { field: 'id' });
    return { deletedImageId: input.id };
  },

  generatePortrait: async (_parent, { input }, ctx) => {
    const result = await generatePortrait(input, ctx);
    return { image: result.image, character: { id: result.characterId }, generationId: result.generationId, transactionId: result.transactionId };
  },
};
