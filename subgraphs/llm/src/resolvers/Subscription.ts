import { unauthenticated } from '#lib/graphql/index.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import { requireCampaignSeat } from '../generations/campaign-seat.js';
import { prepareTextRequest } from '../generations/prepare-text.js';
import { streamTextGeneration } from '../generations/text-stream.js';
import type { StreamEvent } from './stream-event.js';

export const Subscription: SubscriptionResolvers = {
  textGeneration: {
    // Bad input and the caller's own rate limit fail the subscription before anything is stored or streamed.
    subscribe: async (_parent, { input }, ctx) => {
      if (!ctx.userId) throw unauthenticated();
      const request = prepareTextRequest(ctx, input);
      await requireCampaignSeat(ctx, [request.input.context.campaignId]);
      return streamTextGeneration(ctx, ctx.userId, request, ctx.signal);
    },
    resolve: (event: StreamEvent) => event,
  },
};
