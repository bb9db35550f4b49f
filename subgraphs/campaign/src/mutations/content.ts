import { eq } from 'drizzle-orm';
import { badUserInput, notFound } from '../../../../lib/graphql/index.js';
import type {
  CreateLocationInput,
  CreateNpcInput,
  CreateQuestInput,
  UpdateQuestInput,
} from '../__generated__/resolvers-types.js';
import { loadCampaignAsDm, requireUser } from '../access.js';
import type { Context } from '../context.js';
import { locations, npcs, quests, type CampaignRow, type LocationRow, type NpcRow, type QuestRow } from '../db/schema.js';
import { isUuid, optionalText, requireName } from '../validation.js';

// DM_ONLY when the DM says nothing: secrets stay secret unless the dungeon master decides otherwise.
const DEFAULT_VISIBILITY = 'DM_ONLY';

function first<TRow>(rows: TRow[]): TRow {
  const [row] = rows;
  if (!row) throw new Error('INSERT ... RETURNING returned no row');
  return row;
}

export async function createNpc(ctx: Context, input: CreateNpcInput): Promise<{ campaign: CampaignRow; npc: NpcRow }> {
  requireUser(ctx);
  const name = requireName('name', input.name);
  const description = optionalText('description', input.description);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const npc = first(
    await ctx.db
      .insert(npcs)
      .values({ campaignId: campaign.id, name, description, visibility: input.visibility ?? DEFAULT_VISIBILITY })
      .returning(),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, npc };
}

export async function createLocation(
  ctx: Context,
  input: CreateLocationInput,
): Promise<{ campaign: CampaignRow; location: LocationRow }> {
  requireUser(ctx);
  const name = requireName('name', input.name);
  const description = optionalText('description', input.description);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const location = first(
    await ctx.db
      .insert(locations)
      .values({ campaignId: campaign.id, name, description, visibility: input.visibility ?? DEFAULT_VISIBILITY })
      .returning(),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, location };
}

export async function createQuest(ctx: Context, input: CreateQuestInput): Promise<{ campaign: CampaignRow; quest: QuestRow }> {
  requireUser(ctx);
  const title = requireName('title', input.title);
  const description = optionalText('description', input.description);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const quest = first(
    await ctx.db
      .insert(quests)
      .values({ campaignId: campaign.id, title, description, visibility: input.visibility ?? DEFAULT_VISIBILITY })
      .returning(),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, quest };
}

export async function updateQuest(ctx: Context, input: UpdateQuestInput): Promise<{ campaign: CampaignRow; quest: QuestRow }> {
  requireUser(ctx);
  const [existing] = isUuid(input.id) ? await ctx.db.select().from(quests).where(eq(quests.id, input.id)) : [];
  if (!existing) throw notFound(`No quest with id ${input.id}`, { questId: input.id });
  const { campaign } = await loadCampaignAsDm(ctx, existing.campaignId);
  if (input.status === null) throw badUserInput('status cannot be cleared', { field: 'status' });
  if (input.visibility === null) throw badUserInput('visibility cannot be cleared', { field: 'visibility' });
  const quest = first(
    await ctx.db
      .update(quests)
      .set({ status: input.status ?? existing.status, visibility: input.visibility ?? existing.visibility, updatedAt: new Date() })
      .where(eq(quests.id, existing.id))
      .returning(),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, quest };
}
