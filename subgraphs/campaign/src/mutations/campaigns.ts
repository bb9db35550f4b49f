import { and, eq, isNull } from 'drizzle-orm';
import { badUserInput } from '../../../../lib/graphql/index.js';
import type { CreateCampaignInput, UpdateCampaignInput } from '../__generated__/resolvers-types.js';
import { loadCampaignAsDm, requireUser } from '../access.js';
import type { Context } from '../context.js';
import { campaignMembers, campaigns, partyCharacters, type CampaignRow } from '../db/schema.js';
import { MAX_SETTING_LENGTH, optionalText, requireName } from '../validation.js';

/** Creates a campaign; its creator is its dungeon master and first (ACTIVE) member. */
export async function createCampaign(ctx: Context, input: CreateCampaignInput): Promise<CampaignRow> {
  const userId = requireUser(ctx);
  const name = requireName('name', input.name);
  const setting = optionalText('setting', input.setting, MAX_SETTING_LENGTH);
  const description = optionalText('description', input.description);
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [campaign] = await tx
      .insert(campaigns)
      .values({ name, setting, description, dungeonMasterId: userId, createdAt: now, updatedAt: now })
      .returning();
    if (!campaign) throw new Error('INSERT ... RETURNING returned no campaign');
    await tx
      .insert(campaignMembers)
      .values({ campaignId: campaign.id, userId, role: 'DM', status: 'ACTIVE', invitedAt: now, joinedAt: now });
    return campaign;
  });
}

/** Changes a campaign's fields; archiving releases its party in the same transaction. */
export async function updateCampaign(ctx: Context, input: UpdateCampaignInput): Promise<CampaignRow> {
  requireUser(ctx);
  const { campaign } = await loadCampaignAsDm(ctx, input.id);
  const changes: Partial<typeof campaigns.$inferInsert> = {};
  if (input.name !== undefined) {
    if (input.name === null) throw badUserInput('name cannot be cleared', { field: 'name' });
    changes.name = requireName('name', input.name);
  }
  if (input.setting !== undefined) changes.setting = optionalText('setting', input.setting, MAX_SETTING_LENGTH);
  if (input.description !== undefined) changes.description = optionalText('description', input.description);
  if (input.status !== undefined) {
    if (input.status === null) throw badUserInput('status cannot be cleared', { field: 'status' });
    changes.status = input.status;
  }
  const now = new Date();
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ ...changes, updatedAt: now })
      .where(eq(campaigns.id, campaign.id))
      .returning();
    if (!row) throw new Error('UPDATE ... RETURNING returned no campaign');
    if (row.status === 'ARCHIVED') {
      // Archived campaigns hold no party: their characters are free to join another campaign.
      await tx
        .update(partyCharacters)
        .set({ leftAt: now })
        .where(and(eq(partyCharacters.campaignId, campaign.id), isNull(partyCharacters.leftAt)));
    }
    return row;
  });
  ctx.loaders.forgetCampaign(campaign.id);
  return updated;
}
