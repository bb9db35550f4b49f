import { and, eq } from 'drizzle-orm';
import { badUserInput, forbidden } from '../../../../lib/graphql/index.js';
import type { InvitePlayerInput, JoinCampaignInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaign, loadCampaignAsDm, requireUser } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import { campaignMembers, type CampaignMemberRow, type CampaignRow } from '../db/schema.js';
import { writeCampaign, type CampaignTx } from '../events/write-campaign.js';
import { campaignIn } from './campaigns.js';

// 200: user ids are UUIDs or provider subjects (OIDC subjects are far shorter in practice).
const MAX_USER_ID_LENGTH = 200;

export interface MembershipResult {
  campaign: CampaignRow;
  member: CampaignMemberRow;
}

async function findMember(tx: CampaignTx, campaignId: string, userId: string): Promise<CampaignMemberRow | undefined> {
  const [member] = await tx
    .select()
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId)));
  return member;
}

async function memberIn(tx: CampaignTx, campaignId: string, userId: string): Promise<CampaignMemberRow> {
  const member = await findMember(tx, campaignId, userId);
  if (!member) throw new Error('Membership vanished right after it was written');
  return member;
}

/** Invites a user (PlayerInvited); inviting someone already invited or joined records nothing and answers their membership. */
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
  const member = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      // Under the stream lock: of two concurrent invitations of one user, the second sees the first's row.
      assertActive(await campaignIn(tx, campaign.id));
      if (await findMember(tx, campaign.id, userId)) return [];
      return [{ type: 'PlayerInvited', data: { campaignId: campaign.id, userId } }];
    },
    (tx) => memberIn(tx, campaign.id, userId),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, member };
}

/** Accepts the caller's invitation (PlayerJoined); joining again answers the membership unchanged. */
export async function joinCampaign(ctx: Context, input: JoinCampaignInput): Promise<MembershipResult> {
  const userId = requireUser(ctx);
  const campaign = await loadCampaign(ctx, input.campaignId);
  assertActive(campaign);
  const member = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      assertActive(await campaignIn(tx, campaign.id));
      const existing = await findMember(tx, campaign.id, userId);
      if (!existing) {
        throw forbidden('You have not been invited to this campaign; ask its dungeon master for an invitation', {
          campaignId: campaign.id,
        });
      }
      if (existing.status !== 'INVITED') return [];
      return [{ type: 'PlayerJoined', data: { campaignId: campaign.id, userId } }];
    },
    (tx) => memberIn(tx, campaign.id, userId),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, member };
}
