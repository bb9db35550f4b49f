import { conflict, forbidden, notFound } from '#lib/domain/index.js';
import { requireUser } from '#lib/subgraph/index.js';
import type { Context } from './context.js';
import type { CampaignRow, Visibility } from './db/schema.js';

/** How much of a campaign the caller may see. */
export type Viewer = 'DM' | 'PARTY' | 'INVITED' | 'OUTSIDER';

// Mutations act for a signed-in user only: the kit's one rule for every service.
export { requireUser };

/** The caller's standing in a campaign, from the per-request members loader (no extra statement per campaign). */
export async function viewerOf(ctx: Context, campaign: CampaignRow): Promise<Viewer> {
  if (!ctx.userId) return 'OUTSIDER';
  if (campaign.dungeonMasterId === ctx.userId) return 'DM';
  const members = await ctx.loaders.members.load(campaign.id);
  const me = members.find((member) => member.userId === ctx.userId);
  if (!me) return 'OUTSIDER';
  return me.status === 'ACTIVE' ? 'PARTY' : 'INVITED';
}

/** PUBLIC for everyone, PARTY for the DM and joined players, DM_ONLY for the DM alone. */
export function canSee(viewer: Viewer, visibility: Visibility): boolean {
  if (visibility === 'PUBLIC') return true;
  if (visibility === 'PARTY') return viewer === 'DM' || viewer === 'PARTY';
  return viewer === 'DM';
}

/** The campaign, or NOT_FOUND. */
export async function loadCampaign(ctx: Context, campaignId: string): Promise<CampaignRow> {
  const campaign = await ctx.loaders.campaign.load(campaignId);
  if (!campaign) throw notFound(`No campaign with id ${campaignId}`, { campaignId });
  return campaign;
}

/** The campaign, when the signed-in caller is its dungeon master; NOT_FOUND or FORBIDDEN otherwise. */
export async function loadCampaignAsDm(ctx: Context, campaignId: string): Promise<{ userId: string; campaign: CampaignRow }> {
  const userId = requireUser(ctx);
  const campaign = await loadCampaign(ctx, campaignId);
  if (campaign.dungeonMasterId !== userId) {
    throw forbidden('Only the dungeon master of this campaign may change it', { campaignId });
  }
  return { userId, campaign };
}

/** Archived campaigns take no new players, party characters or sessions until the DM reactivates them. */
export function assertActive(campaign: Pick<CampaignRow, 'id' | 'status'>): void {
  if (campaign.status !== 'ACTIVE') {
    throw conflict('This campaign is archived; set its status to ACTIVE first', { campaignId: campaign.id });
  }
}
