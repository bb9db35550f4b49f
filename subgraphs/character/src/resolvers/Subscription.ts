import { subscribeToEvents } from '../../../../lib/event-store/index.js';
import type { EventRow } from '../db/schema.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { CHARACTER_EVENT_TYPES } from '../events/character-events.js';
import { createLoaders } from '../loaders.js';

export const Subscription: SubscriptionResolvers = {
  characterEvents: {
    // Any signed-in user, as for Query.character: players read each other's sheets.
    subscribe: (_parent, args, ctx) => {
      requireUser(ctx);
      return subscribeToEvents(ctx.eventFeed, args, { entity: 'character', types: CHARACTER_EVENT_TYPES });
    },
    // Each event is resolved like a request of its own: fresh loaders, so `character` is read as it is now.
    resolve: (event: EventRow, _args: unknown, ctx: Context) => {
      ctx.loaders = createLoaders(ctx.db);
      return event;
    },
  },
};
