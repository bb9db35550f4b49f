import { subscribeToEvents } from '#lib/event-store/index.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { EventRow } from '../db/schema.js';
import { IMAGE_EVENT_TYPES } from '../events/image-events.js';
import { createLoaders } from '../loaders.js';
import { requireUser } from '#lib/subgraph/index.js';
import { imageEventReader } from '../access/image-event-reader.js';

export const Subscription: SubscriptionResolvers = {
  imageEvents: {
    // Each event to whoever may see its image, as for Query.image.
    subscribe: (_parent, args, ctx) => {
      const userId = requireUser(ctx);
      return subscribeToEvents(ctx.eventFeed, args, { entity: 'image', types: IMAGE_EVENT_TYPES }, imageEventReader(ctx, userId));
    },
    // Each event is resolved like a request of its own: fresh loaders, so `image` is read as it is now.
    resolve: (event: EventRow, _args: unknown, ctx: Context) => {
      ctx.loaders = createLoaders(ctx.db);
      return event;
    },
  },
};
