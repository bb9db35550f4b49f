import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { invalidInput, notFound } from '#lib/domain/index.js';
import type { CreateLocationInput, CreateNpcInput, CreateQuestInput, UpdateQuestInput } from '../__generated__/resolvers-types.js';
import { loadCampaignAsDm, requireUser } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import { locations, npcs, quests, type CampaignRow, type LocationRow, type NpcRow, type QuestRow } from '../db/schema.js';
import { writeCampaign, type CampaignTx } from '../events/write-campaign.js';
import { isUuid, optionalText, requireName } from '../validation.js';

// DM_ONLY when the DM says nothing: secrets stay secret unless the dungeon master decides otherwise.
const DEFAULT_VISIBILITY = 'DM_ONLY';

function found<TRow>(rows: TRow[]): TRow {
  const [row] = rows;
  if (!row) throw new Error('The row just recorded is missing from its read table');
  return row;
}

export async function createNpc(ctx: Context, input: CreateNpcInput): Promise<{ campaign: CampaignRow; npc: NpcRow }> {
  requireUser(ctx);
  const name = requireName('name', input.name);
  const description = optionalText('description', input.description);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const npcId = randomUUID();
  const visibility = input.visibility ?? DEFAULT_VISIBILITY;
  const npc = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async () => [{ type: 'NpcCreated', data: { campaignId: campaign.id, npcId, name, description, visibility } }],
    async (tx) => found(await tx.select().from(npcs).where(eq(npcs.id, npcId))),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, npc };
}

export async function createLocation(ctx: Context, input: CreateLocationInput): Promise<{ campaign: CampaignRow; location: LocationRow }> {
  requireUser(ctx);
  const name = requireName('name', input.name);
  const description = optionalText('description', input.description);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const locationId = randomUUID();
  const visibility = input.visibility ?? DEFAULT_VISIBILITY;
  const location = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async () => [{ type: 'LocationCreated', data: { campaignId: campaign.id, locationId, name, description, visibility } }],
    async (tx) => found(await tx.select().from(locations).where(eq(locations.id, locationId))),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, location };
}

async function questIn(tx: CampaignTx, questId: string): Promise<QuestRow> {
  return found(await tx.select().from(quests).where(eq(quests.id, questId)));
}

export async function createQuest(ctx: Context, input: CreateQuestInput): Promise<{ campaign: CampaignRow; quest: QuestRow }> {
  requireUser(ctx);
  const title = requireName('title', input.title);
  const description = optionalText('description', input.description);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const questId = randomUUID();
  const visibility = input.visibility ?? DEFAULT_VISIBILITY;
  const quest = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async () => [{ type: 'QuestCreated', data: { campaignId: campaign.id, questId, title, description, visibility } }],
    (tx) => questIn(tx, questId),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, quest };
}

/** QuestUpdated with the quest's status and visibility after the change, decided from the row under the stream lock. */
export async function updateQuest(ctx: Context, input: UpdateQuestInput): Promise<{ campaign: CampaignRow; quest: QuestRow }> {
  requireUser(ctx);
  const [existing] = isUuid(input.id) ? await ctx.db.select().from(quests).where(eq(quests.id, input.id)) : [];
  if (!existing) throw notFound(`No quest with id ${input.id}`, { questId: input.id });
  const { campaign } = await loadCampaignAsDm(ctx, existing.campaignId);
  if (input.status === null) throw invalidInput('status cannot be cleared', { field: 'status' });
  if (input.visibility === null) throw invalidInput('visibility cannot be cleared', { field: 'visibility' });
  const { status, visibility } = input;
  const quest = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      // The other field keeps its value as of now (under the lock), not as of the read above.
      const current = await questIn(tx, existing.id);
      const data = { campaignId: campaign.id, questId: existing.id, status: status ?? current.status, visibility: visibility ?? current.visibility };
      return [{ type: 'QuestUpdated', data }];
    },
    (tx) => questIn(tx, existing.id),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, quest };
}
