import { forbidden } from '#lib/graphql/index.js';
import type { Context } from '../context.js';

/**
 * With campaign budgets on (llm_service.budgets.per_campaign), a generation naming a campaign spends that campaign's
 * budget: only someone at its table (its DM or an active player) may, or anyone who learnt a campaign's id (a player
 * who left, say) could spend it dry. Asked of the campaign service through the hub, once per request; without
 * campaign budgets nothing is spent, so nothing is asked.
 */
export async function requireCampaignSeat(ctx: Context, campaignIds: ReadonlyArray<string | null | undefined>): Promise<void> {
  if (!ctx.settings.current.budgets.per_campaign) return;
  const named = [...new Set(campaignIds.flatMap((id) => (id ? [id.toLowerCase()] : [])))];
  if (named.length === 0) return;
  const { sitsAt } = await ctx.campaigns();
  const stranger = named.find((id) => !sitsAt.has(id));
  if (stranger) {
    throw forbidden(`You are not at the table of campaign ${stranger}: only its members spend its generation budget.`, { field: 'context.campaignId' });
  }
}
