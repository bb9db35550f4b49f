import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { notFound } from '#lib/domain/index.js';
import type { ScheduleSessionInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaignAsDm, requireUser } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import { gameSessions, type CampaignRow, type GameSessionRow } from '../db/schema.js';
import { writeCampaign, type CampaignTx } from '../events/write-campaign.js';
import { requireName } from '../validation.js';
import { campaignIn } from './campaigns.js';

export interface SessionResult {
  campaign: CampaignRow;
  session: GameSessionRow;
}

async function sessionIn(tx: CampaignTx, sessionId: string): Promise<GameSessionRow> {
  const [row] = await tx.select().from(gameSessions).where(eq(gameSessions.id, sessionId));
  if (!row) throw notFound(`No game session with id ${sessionId}`, { sessionId });
  return row;
}

/**
 * Schedules the next session (SessionScheduled). Its number is the campaign's session count + 1, read under the
 * campaign's stream lock: concurrent schedulers of one campaign queue on that lock and get 1, 2, 3... with no gap
 * and no collision (unique (campaign_id, number) would catch any mistake here).
 */
export async function scheduleSession(ctx: Context, input: ScheduleSessionInput): Promise<SessionResult> {
  requireUser(ctx);
  const title = requireName('title', input.title);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  assertActive(campaign);
  const sessionId = randomUUID();
  const session = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      const current = await campaignIn(tx, campaign.id);
      assertActive(current);
      const scheduledFor = input.scheduledFor ? input.scheduledFor.toISOString() : null;
      return [{ type: 'SessionScheduled', data: { campaignId: campaign.id, sessionId, number: current.sessionCount + 1, title, scheduledFor } }];
    },
    (tx) => sessionIn(tx, sessionId),
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, session };
}
