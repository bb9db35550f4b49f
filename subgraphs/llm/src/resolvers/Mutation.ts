import { isUuid } from '#lib/db/uuid.js';
import { unauthenticated } from '#lib/graphql/index.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { cancelGeneration } from '../generations/cancel-generation.js';
import { failureError } from '../generations/generation-errors.js';
import { runImageGeneration } from '../generations/image-run.js';
import { requireCampaignSeat } from '../generations/campaign-seat.js';
import { prepareTextRequest } from '../generations/prepare-text.js';
import { resolveChain } from '../generations/resolve-chain.js';
import { runBatch } from '../generations/run-batch.js';
import { runTextGeneration } from '../generations/text-run.js';
import { validateGenerateImageInput } from '../generations/validate-image-input.js';

export const Mutation: MutationResolvers = {
  generateText: async (_parent, { input }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    const request = prepareTextRequest(ctx, input);
    await requireCampaignSeat(ctx, [request.input.context.campaignId]);
    // The text is collected, not shown as it comes: a stream that breaks half-way may start over elsewhere.
    const { row, failure } = await runTextGeneration(ctx, ctx.userId, request, { signal: ctx.signal, restartable: true });
    if (failure) throw failureError(failure, row.id);
    return { generation: row };
  },

  generateImage: async (_parent, { input }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    const config = ctx.settings.current;
    const valid = validateGenerateImageInput(input, config);
    const chain = resolveChain(ctx.providers, 'image', valid, config);
    const { row, failure } = await runImageGeneration(ctx, ctx.userId, valid, chain, ctx.signal);
    if (failure) throw failureError(failure, row.id);
    return { generation: row };
  },

  batchGenerate: async (_parent, { input }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    await requireCampaignSeat(
      ctx,
      input.items.map((item) => item.context?.campaignId),
    );
    return runBatch(ctx, ctx.userId, input.items, input.concurrency, ctx.signal);
  },

  cancelGeneration: async (_parent, { input }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    const id = input.id.trim().toLowerCase();
    return { generation: await cancelGeneration(ctx, ctx.userId, id, isUuid(id)) };
  },
};
