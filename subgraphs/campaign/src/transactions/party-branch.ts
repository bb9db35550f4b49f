import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '#lib/domain/index.js';
import { defineOperation, type BranchInfo } from '#lib/transactions/index.js';
import { assertActive } from '../access.js';
import { campaignMembers, campaigns, partyCharacters, type CampaignRow, type CampaignSchema } from '../db/schema.js';
import { campaignStream } from '../events/campaign-events.js';
import { lockCampaignStream, writeCampaignIn, type CampaignTx } from '../events/write-campaign.js';
import { branchMetadata, parsePayload, partyPayload, partySlotResource } from './payloads.js';

async function campaignOf(tx: CampaignTx, campaignId: string): Promise<CampaignRow> {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw notFound(`No campaign with id ${campaignId}`, { campaignId });
  return campaign;
}

async function activeEntry(tx: CampaignTx, characterId: string) {
  const [entry] = await tx
    .select()
    .from(partyCharacters)
    .where(and(eq(partyCharacters.characterId, characterId), isNull(partyCharacters.leftAt)));
  return entry;
}

async function isJoinedPlayer(tx: CampaignTx, campaign: CampaignRow, userId: string | null): Promise<boolean> {
  if (userId === null) return false;
  if (campaign.dungeonMasterId === userId) return true;
  const [member] = await tx
    .select({ status: campaignMembers.status })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, campaign.id), eq(campaignMembers.userId, userId)));
  return member?.status === 'ACTIVE';
}

/**
 * The campaign's part of joinParty: the caller has joined the ACTIVE campaign and the character is in no active
 * party. Prepare takes the campaign's stream lock for its checks, so an archive either ran before (we answer
 * CONFLICT) or runs after and sees this prepared branch (it refuses while a join is pending, see updateCampaign).
 * The character's owner is checked by the character service's branch.
 */
export const joinPartyOperation = defineOperation<CampaignSchema, { campaignId: string; characterId: string }, null>({
  parse: (payload) => parsePayload(partyPayload, payload),
  resources: (payload) => [partySlotResource(payload.characterId)],
  async prepare(tx: CampaignTx, payload, info: BranchInfo) {
    await lockCampaignStream(tx, campaignStream(payload.campaignId));
    const campaign = await campaignOf(tx, payload.campaignId);
    if (!(await isJoinedPlayer(tx, campaign, info.actor))) {
      throw forbidden('Only members who have joined this campaign may bring characters into its party', { campaignId: campaign.id });
    }
    assertActive(campaign);
    const holder = await activeEntry(tx, payload.characterId);
    if (holder) {
      // Its entry names the owner who brought it: anyone else is refused by the character's branch anyway, and must
      // not learn from a CONFLICT which campaign someone else's character plays in.
      if (holder.ownerId !== info.actor) {
        throw forbidden("Only the character's owner may bring it into a party", { characterId: payload.characterId });
      }
      const where = holder.campaignId === campaign.id ? 'this party' : `the party of campaign ${holder.campaignId}`;
      throw conflict(`Character ${payload.characterId} is already in ${where}; remove it there first`, {
        characterId: payload.characterId,
        campaignId: holder.campaignId,
      });
    }
    return null;
  },
  async commit(tx: CampaignTx, payload, _prepared, info) {
    const data = { campaignId: payload.campaignId, partyEntryId: randomUUID(), characterId: payload.characterId, ownerId: info.actor ?? '' };
    await writeCampaignIn(tx, payload.campaignId, branchMetadata(info), async () => [{ type: 'CharacterJoinedParty', data }]);
  },
});

/** What leaveParty's prepare found: the party entry it will close. */
interface PartyEntry {
  partyEntryId: string;
}

/** The campaign's part of leaveParty: the character is in this party and the caller is its DM or its owner. */
export const leavePartyOperation = defineOperation<CampaignSchema, { campaignId: string; characterId: string }, PartyEntry>({
  parse: (payload) => parsePayload(partyPayload, payload),
  resources: (payload) => [partySlotResource(payload.characterId)],
  async prepare(tx: CampaignTx, payload, info: BranchInfo) {
    const campaign = await campaignOf(tx, payload.campaignId);
    const entry = await activeEntry(tx, payload.characterId);
    if (!entry || entry.campaignId !== campaign.id) {
      throw notFound(`Character ${payload.characterId} is not in this campaign's party`, { characterId: payload.characterId });
    }
    if (campaign.dungeonMasterId !== info.actor && entry.ownerId !== info.actor) {
      throw forbidden("Only the dungeon master or the character's owner may remove it from the party", { characterId: payload.characterId });
    }
    return { partyEntryId: entry.id };
  },
  async commit(tx: CampaignTx, payload, prepared, info) {
    const data = { campaignId: payload.campaignId, partyEntryId: prepared.partyEntryId, characterId: payload.characterId };
    await writeCampaignIn(tx, payload.campaignId, branchMetadata(info), async () => [{ type: 'CharacterLeftParty', data }]);
  },
});
