import { and, eq, isNull } from 'drizzle-orm';
import { conflict, forbidden, invalidInput, notFound } from '#lib/domain/index.js';
import type { InvitePlayerInput, JoinCampaignInput, LeaveCampaignInput, RemovePlayerInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaign, loadCampaignAsDm, requireUser } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import { campaignMembers, partyCharacters, type CampaignMemberRow, type CampaignRow } from '../db/schema.js';
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
    throw invalidInput(`userId must be 1 to ${MAX_USER_ID_LENGTH} characters`, { field: 'userId' });
  }
  if (userId === campaign.dungeonMasterId) {
    throw invalidInput('The dungeon master is already part of the campaign and cannot be invited as a player', {
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

/**
 * Ends `userId`'s membership (PlayerLeft): from that moment they see only what anyone sees. Their characters must
 * have left the party first (leaveParty, which the DM may run for any of them): the party is two services' fact,
 * changed only by the hub's transaction, so a membership never ends with a character still at the table.
 */
async function endMembership(
  ctx: Context,
  campaign: CampaignRow,
  userId: string,
  removedBy: string | null,
): Promise<{ campaign: CampaignRow; userId: string }> {
  await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      if (!(await findMember(tx, campaign.id, userId))) throw notFound(`${userId} is not a member of this campaign`, { campaignId: campaign.id, userId });
      const seated = await tx
        .select({ characterId: partyCharacters.characterId })
        .from(partyCharacters)
        .where(and(eq(partyCharacters.campaignId, campaign.id), eq(partyCharacters.ownerId, userId), isNull(partyCharacters.leftAt)));
      if (seated.length > 0) {
        throw conflict('Their characters are still in the party: take them out with leaveParty first', {
          campaignId: campaign.id,
          characterIds: seated.map((row) => row.characterId),
        });
      }
      return [{ type: 'PlayerLeft', data: { campaignId: campaign.id, userId, removedBy } }];
    },
    async () => undefined,
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, userId };
}

/** The dungeon master removes a player (or withdraws an invitation). */
export async function removePlayer(ctx: Context, input: RemovePlayerInput): Promise<{ campaign: CampaignRow; userId: string }> {
  const { userId: dm, campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  return endMembership(ctx, campaign, input.userId.trim(), dm);
}

/** A player leaves a campaign (or declines an invitation). */
export async function leaveCampaign(ctx: Context, input: LeaveCampaignInput): Promise<{ campaign: CampaignRow; userId: string }> {
  const userId = requireUser(ctx);
  const campaign = await loadCampaign(ctx, input.campaignId);
  if (campaign.dungeonMasterId === userId)
    throw invalidInput('The dungeon master cannot leave their own campaign; archive it instead', { field: 'campaignId' });
  return endMembership(ctx, campaign, userId, null);
}
