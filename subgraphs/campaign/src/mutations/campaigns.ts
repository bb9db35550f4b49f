import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { conflict, invalidInput, notFound } from '#lib/domain/index.js';
import type { CreateCampaignInput, UpdateCampaignInput } from '../__generated__/resolvers-types.js';
import { loadCampaignAsDm, requireUser } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import { campaigns, partyCharacters, txBranches, type CampaignRow } from '../db/schema.js';
import type { CampaignEvent, CampaignUpdated } from '../events/campaign-events.js';
import { writeCampaign, type CampaignTx } from '../events/write-campaign.js';
import { MAX_SETTING_LENGTH, optionalText, requireName } from '../validation.js';

/** The campaign as the projection left it, read inside the writing transaction. */
export async function campaignIn(tx: CampaignTx, campaignId: string): Promise<CampaignRow> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row) throw notFound(`No campaign with id ${campaignId}`, { campaignId });
  return row;
}

/** Creates a campaign; its creator is its dungeon master and first (ACTIVE) member. */
export async function createCampaign(ctx: Context, input: CreateCampaignInput): Promise<CampaignRow> {
  const userId = requireUser(ctx);
  const name = requireName('name', input.name);
  const setting = optionalText('setting', input.setting, MAX_SETTING_LENGTH);
  const description = optionalText('description', input.description);
  const campaignId = randomUUID();
  return writeCampaign(
    ctx.db,
    campaignId,
    writeMetadata(ctx),
    async () => [{ type: 'CampaignCreated', data: { campaignId, name, setting, description, dungeonMasterId: userId } }],
    (tx) => campaignIn(tx, campaignId),
  );
}

/**
 * Changes a campaign's fields (CampaignUpdated, only the fields given) and its status (CampaignArchived, which
 * releases its party, or CampaignReopened). Setting the status it already has records nothing for the status.
 */
export async function updateCampaign(ctx: Context, input: UpdateCampaignInput): Promise<CampaignRow> {
  requireUser(ctx);
  const { campaign } = await loadCampaignAsDm(ctx, input.id);
  const changes: CampaignUpdated['data'] = { campaignId: campaign.id };
  if (input.name !== undefined) {
    if (input.name === null) throw invalidInput('name cannot be cleared', { field: 'name' });
    changes.name = requireName('name', input.name);
  }
  if (input.setting !== undefined) changes.setting = optionalText('setting', input.setting, MAX_SETTING_LENGTH);
  if (input.description !== undefined) changes.description = optionalText('description', input.description);
  if (input.status === null) throw invalidInput('status cannot be cleared', { field: 'status' });
  const status = input.status;
  const updated = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      const current = await campaignIn(tx, campaign.id);
      const events: CampaignEvent[] = [];
      if (Object.keys(changes).length > 1) events.push({ type: 'CampaignUpdated', data: changes });
      if (status === 'ARCHIVED' && current.status !== 'ARCHIVED') {
        await assertPartyEmpty(tx, campaign.id);
        events.push({ type: 'CampaignArchived', data: { campaignId: campaign.id, releasedCharacterIds: [] } });
      }
      if (status === 'ACTIVE' && current.status !== 'ACTIVE') events.push({ type: 'CampaignReopened', data: { campaignId: campaign.id } });
      return events;
    },
    (tx) => campaignIn(tx, campaign.id),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return updated;
}

/**
 * Archiving does not release the party: each character also records its active campaign (character service),
 * and only the hub's leaveParty changes both sides together. Read under the stream lock, which joinParty's
 * prepare also takes, so a join either shows here as prepared or finds the campaign archived.
 */
async function assertPartyEmpty(tx: CampaignTx, campaignId: string): Promise<void> {
  const [member] = await tx
    .select({ characterId: partyCharacters.characterId })
    .from(partyCharacters)
    .where(and(eq(partyCharacters.campaignId, campaignId), isNull(partyCharacters.leftAt)))
    .limit(1);
  const [joining] = await tx
    .select({ transactionId: txBranches.transactionId })
    .from(txBranches)
    .where(and(eq(txBranches.state, 'PREPARED'), eq(txBranches.operation, 'joinParty'), sql`${txBranches.payload}->>'campaignId' = ${campaignId}`))
    .limit(1);
  if (member || joining) {
    throw conflict('Remove every character from the party (leaveParty) before archiving the campaign', { campaignId });
  }
}
