import type { GameSessionResolvers } from '../__generated__/resolvers-types.js';

export const GameSession: GameSessionResolvers = {
  // The DM's private notes: null for anyone but the campaign's dungeon master (the campaign row is usually cached).
  dmNotes: async (session, _args, ctx) => {
    if (!ctx.userId || session.dmNotes === null) return null;
    const campaign = await ctx.loaders.campaign.load(session.campaignId);
    return campaign?.dungeonMasterId === ctx.userId ? session.dmNotes : null;
  },
};
