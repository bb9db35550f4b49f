import { subscribeToEvents } from '#lib/event-store/index.js';
import type { EventRow } from '../db/schema.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { CHARACTER_EVENT_TYPES } from '../events/character-events.js';
import { characterEventReader } from '../events/event-readers.js';
import { createLoaders } from '../loaders.js';
import { partyRollReader, requirePartyDungeonMaster } from '../events/party-roll-reader.js';
import { rollOfEvent } from '../rolls/roll-record.js';

export const Subscription: SubscriptionResolvers = {
  characterEvents: {
    // The owner and the dungeon master of the character's campaign only (events/event-readers.ts): events carry the
    // DM's experience reasons and the party's sessions, which a sheet does not show.
    subscribe: (_parent, args, ctx) => {
      const userId = requireUser(ctx);
      return subscribeToEvents(ctx.eventFeed, args, { entity: 'character', types: CHARACTER_EVENT_TYPES }, characterEventReader(ctx, userId));
    },
    // Each event is resolved like a request of its own: fresh loaders, so `character` is read as it is now.
    resolve: (event: EventRow, _args: unknown, ctx: Context) => {
      ctx.loaders = createLoaders(ctx.db);
      return event;
    },
  },
  partyRolls: {
    // The campaign's DM only (events/party-roll-reader.ts): asked once, as no event moves a campaign to another DM.
    subscribe: async (_parent, { campaignId }, ctx) => {
      const userId = requireUser(ctx);
      await requirePartyDungeonMaster(ctx, userId, campaignId);
      return ctx.eventFeed.subscribe({ filter: { type: 'DiceRolled' }, accept: partyRollReader(ctx, campaignId.toLowerCase()) });
    },
    resolve: (event: EventRow, _args: unknown, ctx: Context) => {
      ctx.loaders = createLoaders(ctx.db);
      return rollOfEvent(event);
    },
  },
};
