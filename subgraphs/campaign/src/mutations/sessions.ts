import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { badUserInput, conflict, notFound } from '../../../../lib/graphql/index.js';
import { hubRequest } from '../../../../lib/hub-client/index.js';
import type { RecordSessionInput, ScheduleSessionInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaignAsDm, requireUser } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import { gameSessions, partyCharacters, type CampaignRow, type GameSessionRow } from '../db/schema.js';
import { writeCampaign, type CampaignTx } from '../events/write-campaign.js';
import { isUuid, MAX_SESSION_XP, optionalText, requireName } from '../validation.js';
import { campaignIn } from './campaigns.js';

export interface SessionResult {
  campaign: CampaignRow;
  session: GameSessionRow;
}

const AWARD_EXPERIENCE =
  'mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { id experience level } } }';

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

async function loadSession(ctx: Context, sessionId: string): Promise<GameSessionRow> {
  const [session] = isUuid(sessionId) ? await ctx.db.select().from(gameSessions).where(eq(gameSessions.id, sessionId)) : [];
  if (!session) throw notFound(`No game session with id ${sessionId}`, { sessionId });
  return session;
}

/**
 * Marks a session PLAYED (SessionRecorded, naming the party the experience is for), then awards its experience
 * to every character in that party through the hub. Not atomic across services yet: the session is committed
 * first and the awards follow one by one; a failed award is returned as the error (never hidden), leaving the
 * session recorded. Issue #3 makes this atomic with a two-phase commit through the hub's transactions.
 */
export async function recordSession(ctx: Context, input: RecordSessionInput): Promise<SessionResult> {
  requireUser(ctx);
  const xpAwarded = input.xpAwarded;
  if (!Number.isInteger(xpAwarded) || xpAwarded < 0 || xpAwarded > MAX_SESSION_XP) {
    throw badUserInput(`xpAwarded must be a whole number from 0 to ${MAX_SESSION_XP}`, { field: 'xpAwarded' });
  }
  const recap = optionalText('recap', input.recap);
  const dmNotes = optionalText('dmNotes', input.dmNotes);
  const existing = await loadSession(ctx, input.sessionId);
  const { campaign } = await loadCampaignAsDm(ctx, existing.campaignId);
  const alreadyPlayed = () => conflict(`Session ${existing.number} has already been recorded`, { sessionId: existing.id });
  if (existing.status === 'PLAYED') throw alreadyPlayed();

  let party: string[] = [];
  const session = await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      // Under the stream lock: of two concurrent recordings, the second sees PLAYED, so experience is awarded once.
      if ((await sessionIn(tx, existing.id)).status !== 'SCHEDULED') throw alreadyPlayed();
      const members = await tx
        .select({ characterId: partyCharacters.characterId })
        .from(partyCharacters)
        .where(and(eq(partyCharacters.campaignId, campaign.id), isNull(partyCharacters.leftAt)));
      party = members.map((member) => member.characterId);
      const data = { campaignId: campaign.id, sessionId: existing.id, number: existing.number, recap, dmNotes, xpAwarded, awardedTo: party };
      return [{ type: 'SessionRecorded', data }];
    },
    (tx) => sessionIn(tx, existing.id),
  );
  ctx.loaders.forgetCampaign(campaign.id);

  if (xpAwarded > 0) {
    const reason = `Session ${session.number}: ${session.title}`;
    // One by one: the first failure stops the rest and is reported, so the DM knows exactly where it stopped.
    for (const characterId of party) {
      await hubRequest({ identityHeader: ctx.identityHeader }, AWARD_EXPERIENCE, {
        input: { characterId, amount: xpAwarded, reason },
      });
    }
  }
  return { campaign, session };
}
