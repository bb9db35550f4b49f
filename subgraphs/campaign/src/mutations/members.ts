import { and, eq } from 'drizzle-orm';
import { badUserInput, forbidden } from '../../../../lib/graphql/index.js';
import type { InvitePlayerInput, JoinCampaignInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaign, loadCampaignAsDm, requireUser } from '../access.js';
import type { Context } from '../context.js';
import { campaignMembers, type CampaignMemberRow, type CampaignRow } from '../db/schema.js';

// 200: user ids are UUIDs or provider subjects (OIDC subjects are far shorter in practice).
const MAX_USER_ID_LENGTH = 200;

export interface MembershipResult {
  campaign: CampaignRow;
  member: CampaignMemberRow;
}

async function findMember(ctx: Context, campaignId: string, userId: string): Promise<CampaignMemberRow | undefined> {
  const [member] = await ctx.db
    .select()
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId)));
  return member;
}

/** Invites a user; inviting someone already invited or joined changes nothing and answers their membership. */
export async function invitePlayer(ctx: Context, input: InvitePlayerInput): Promise<MembershipResult> {
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const userId = input.userId.trim();
  if (!userId || userId.length > MAX_USER_ID_LENGTH) {
    throw badUserInput(`userId must be 1 to ${MAX_USER_ID_LENGTH} characters`, { field: 'userId' });
  }
  if (userId === campaign.dungeonMasterId) {
    throw badUserInput('The dungeon master is already part of the campaign and cannot be invited as a player', {
      field: 'userId',
    });
  }
  assertActive(campaign);
  // ON CONFLICT DO NOTHING: two concurrent invitations of the same user both succeed, with one row.
  await ctx.db
    .insert(campaignMembers)
    .values({ campaignId: campaign.id, userId, role: 'PLAYER', status: 'INVITED' })
    .onConflictDoNothing();
  const member = await findMember(ctx, campaign.id, userId);
  if (!member) throw new Error('Membership vanished right after it was written');
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, member };
}

/** Accepts the caller's invitation; joining again answers the membership unchanged. */
export async function joinCampaign(ctx: Context, input: JoinCampaignInput): Promise<MembershipResult> {
  const userId = requireUser(ctx);
  const campaign = await loadCampaign(ctx, input.campaignId);
  assertActive(campaign);
  const [joined] = await ctx.db
    .update(campaignMembers)
    .set({ status: 'ACTIVE', joinedAt: new Date() })
    .where(
      and(eq(campaignMembers.campaignId, campaign.id), eq(campaignMembers.userId, userId), eq(campaignMembers.status, 'INVITED')),
    )
    .returning();
  ctx.loaders.forgetCampaign(campaign.id);
  if (joined) return { campaign, member: joined };
  const existing = await findMember(ctx, campaign.id, userId);
  if (existing) return { campaign, member: existing };
  throw forbidden('You have not been invited to this campaign; ask its dungeon master for an invitation', {
    campaignId: campaign.id,
  });
}
