import { eq } from 'drizzle-orm';
import { entityIdOfStream, parseEventSubscriptionArgs, type AcceptEvent } from '#lib/event-store/index.js';
import { forbidden } from '#lib/graphql/index.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import { loadCampaign, requireUser } from '../access.js';
import type { Context } from '../context.js';
import { campaigns, type EventRow } from '../db/schema.js';
import { CAMPAIGN_EVENT_TYPES } from '../events/campaign-events.js';
import { createLoaders } from '../loaders.js';

const STREAMS = { entity: 'campaign', types: CAMPAIGN_EVENT_TYPES };

/**
 * Without streamId: only the events of campaigns `userId` runs. A campaign's dungeon master never changes, so
 * each campaign is looked up once per subscription.
 */
function runBy(ctx: Context, userId: string): AcceptEvent {
  const dungeonMasters = new Map<string, string | null>();
  return async (event) => {
    const campaignId = entityIdOfStream(event.streamId, 'campaign');
    if (!dungeonMasters.has(campaignId)) {
      const [row] = await ctx.db.select({ dm: campaigns.dungeonMasterId }).from(campaigns).where(eq(campaigns.id, campaignId));
      dungeonMasters.set(campaignId, row?.dm ?? null);
    }
    return dungeonMasters.get(campaignId) === userId;
  };
}

export const Subscription: SubscriptionResolvers = {
  campaignEvents: {
    // The dungeon master only: campaign events carry DM-only material (session notes, hidden NPCs and quests).
    subscribe: async (_parent, args, ctx) => {
      const userId = requireUser(ctx);
      const { filter, afterPosition } = parseEventSubscriptionArgs(args, STREAMS);
      if (filter.streamId === undefined) return ctx.eventFeed.subscribe({ filter, afterPosition, accept: runBy(ctx, userId) });
      const campaignId = entityIdOfStream(filter.streamId, 'campaign');
      const campaign = await loadCampaign(ctx, campaignId);
      if (campaign.dungeonMasterId !== userId) {
        throw forbidden("Only the campaign's dungeon master may follow its events", { campaignId });
      }
      return ctx.eventFeed.subscribe({ filter, afterPosition });
    },
    // Each event is resolved like a request of its own: fresh loaders, so `campaign` is read as it is now.
    resolve: (event: EventRow, _args: unknown, ctx: Context) => {
      ctx.loaders = createLoaders(ctx.db);
      return event;
    },
  },
};
