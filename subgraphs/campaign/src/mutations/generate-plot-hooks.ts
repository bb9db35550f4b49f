import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { unavailable } from '#lib/domain/index.js';
import { requireCompleted } from '#lib/gateway-client/generation-result.js';
import { gatewayRequest } from '#lib/gateway-client/index.js';
import { CampaignGeneratePlotHooksTextDocument } from '../__generated__/hub/graphql.js';
import type { GeneratePlotHooksInput } from '../__generated__/resolvers-types.js';
import { loadCampaignAsDm } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import { plotHooks, type CampaignRow, type PlotHookRow } from '../db/schema.js';
import { writeCampaign } from '../events/write-campaign.js';
import { splitPlotHooks } from './split-plot-hooks.js';

export interface GeneratePlotHooksResult {
  campaign: CampaignRow;
  plotHooks: PlotHookRow[];
  generationId: string;
}

/**
 * The llm writes adventure hooks from the campaign's name and setting (through the hub, as the dungeon master, so
 * their rate limits apply and the llm's errors come back with their codes); they are stored with a
 * PlotHooksGenerated event on the campaign's stream, so a replay rebuilds them.
 */
export async function generatePlotHooks(ctx: Context, input: GeneratePlotHooksInput): Promise<GeneratePlotHooksResult> {
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  const data = await gatewayRequest({ caller: ctx.hub }, CampaignGeneratePlotHooksTextDocument, {
    input: {
      kind: 'PLOT_HOOK',
      prompt: input.prompt?.trim() || null,
      seed: input.seed ?? null,
      context: { campaignId: campaign.id, campaignName: campaign.name, setting: campaign.setting },
    },
  });
  const generation = requireCompleted(data.generateText.generation);
  const hooks = splitPlotHooks(generation.text).map((text) => ({ hookId: randomUUID(), text }));
  if (hooks.length === 0) throw unavailable('the llm answered without any plot hook', { generationId: generation.id });

  const stored = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async () => [{ type: 'PlotHooksGenerated', data: { campaignId: campaign.id, generationId: generation.id, hooks } }],
    (tx) => tx.select().from(plotHooks).where(eq(plotHooks.generationId, generation.id)).orderBy(asc(plotHooks.position)),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, plotHooks: stored, generationId: generation.id };
}
