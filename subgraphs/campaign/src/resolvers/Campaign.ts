import type { CampaignResolvers } from '../__generated__/resolvers-types.js';
import { canSee, viewerOf, type Viewer } from '../access.js';

/** Party, sessions: what the DM and the players who have joined share at the table. */
const atTheTable = (viewer: Viewer) => viewer === 'DM' || viewer === 'PARTY';

export const Campaign: CampaignResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.campaign.load(reference.id),

  myRole: async (campaign, _args, ctx) => {
    const viewer = await viewerOf(ctx, campaign);
    if (viewer === 'DM') return 'DM';
    return viewer === 'OUTSIDER' ? null : 'PLAYER';
  },

  myStatus: async (campaign, _args, ctx) => {
    const viewer = await viewerOf(ctx, campaign);
    if (viewer === 'OUTSIDER') return null;
    return viewer === 'INVITED' ? 'INVITED' : 'ACTIVE';
  },

  // Invited players see who else is in the campaign they are deciding to join; outsiders do not.
  members: async (campaign, _args, ctx) => ((await viewerOf(ctx, campaign)) === 'OUTSIDER' ? [] : ctx.loaders.members.load(campaign.id)),

  party: async (campaign, _args, ctx) => {
    if (!atTheTable(await viewerOf(ctx, campaign))) return [];
    const rows = await ctx.loaders.party.load(campaign.id);
    return rows.map((row) => ({ id: row.characterId }));
  },

  sessions: async (campaign, _args, ctx) => (atTheTable(await viewerOf(ctx, campaign)) ? ctx.loaders.sessions.load(campaign.id) : []),

  npcs: async (campaign, _args, ctx) => {
    const [viewer, rows] = await Promise.all([viewerOf(ctx, campaign), ctx.loaders.npcs.load(campaign.id)]);
    return rows.filter((row) => canSee(viewer, row.visibility));
  },

  locations: async (campaign, _args, ctx) => {
    const [viewer, rows] = await Promise.all([viewerOf(ctx, campaign), ctx.loaders.locations.load(campaign.id)]);
    return rows.filter((row) => canSee(viewer, row.visibility));
  },

  quests: async (campaign, _args, ctx) => {
    const [viewer, rows] = await Promise.all([viewerOf(ctx, campaign), ctx.loaders.quests.load(campaign.id)]);
    return rows.filter((row) => canSee(viewer, row.visibility));
  },

  // The dungeon master's preparation, like DM_ONLY content: players would read what the story holds for them.
  plotHooks: async (campaign, _args, ctx) => ((await viewerOf(ctx, campaign)) === 'DM' ? ctx.loaders.plotHooks.load(campaign.id) : []),
};
