import { and, eq, isNull, sql } from 'drizzle-orm';
import { badUserInput, conflict, notFound } from '../../../../lib/graphql/index.js';
import { hubRequest } from '../../../../lib/hub-client/index.js';
import type { RecordSessionInput, ScheduleSessionInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaignAsDm, requireUser } from '../access.js';
import type { Context } from '../context.js';
import { campaigns, gameSessions, partyCharacters, type CampaignRow, type GameSessionRow } from '../db/schema.js';
import { isUuid, MAX_SESSION_XP, optionalText, requireName } from '../validation.js';

export interface SessionResult {
  campaign: CampaignRow;
  session: GameSessionRow;
}

const AWARD_EXPERIENCE =
  'mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { id experience level } } }';

/** Schedules the next session; its number comes from the campaign row's counter, so concurrent calls never collide. */
export async function scheduleSession(ctx: Context, input: ScheduleSessionInput): Promise<SessionResult> {
  requireUser(ctx);
  const title = requireName('title', input.title);
  const { campaign } = await loadCampaignAsDm(ctx, input.campaignId);
  assertActive(campaign);
  const session = await ctx.db.transaction(async (tx) => {
    // One UPDATE both reserves the number and locks the campaign row until commit: the next scheduler waits
    // and gets the following number (unique (campaign_id, number) would catch any mistake here).
    const [counter] = await tx
      .update(campaigns)
      .set({ sessionCount: sql`${campaigns.sessionCount} + 1` })
      .where(eq(campaigns.id, campaign.id))
      .returning({ number: campaigns.sessionCount });
    if (!counter) throw notFound(`No campaign with id ${campaign.id}`, { campaignId: campaign.id });
    const [row] = await tx
      .insert(gameSessions)
      .values({ campaignId: campaign.id, number: counter.number, title, scheduledFor: input.scheduledFor ?? null })
      .returning();
    if (!row) throw new Error('INSERT ... RETURNING returned no session');
    return row;
  });
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, session };
}

async function loadSession(ctx: Context, sessionId: string): Promise<GameSessionRow> {
  const [session] = isUuid(sessionId) ? await ctx.db.select().from(gameSessions).where(eq(gameSessions.id, sessionId)) : [];
  if (!session) throw notFound(`No game session with id ${sessionId}`, { sessionId });
  return session;
}

/**
 * Marks a session PLAYED, then awards its experience to every character in the party through the hub.
 * Not atomic across services yet: the session is committed first and the awards follow one by one; a failed
 * award is returned as the error (never hidden), leaving the session recorded. Issue #3 makes this atomic
 * with a two-phase commit through the hub's transactions.
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

  const { session, party } = await ctx.db.transaction(async (tx) => {
    // The status condition makes two concurrent recordings of one session award experience once.
    const [row] = await tx
      .update(gameSessions)
      .set({ status: 'PLAYED', playedAt: new Date(), recap, dmNotes, xpAwarded })
      .where(and(eq(gameSessions.id, existing.id), eq(gameSessions.status, 'SCHEDULED')))
      .returning();
    if (!row) throw alreadyPlayed();
    const members = await tx
      .select({ characterId: partyCharacters.characterId })
      .from(partyCharacters)
      .where(and(eq(partyCharacters.campaignId, campaign.id), isNull(partyCharacters.leftAt)));
    return { session: row, party: members };
  });
  ctx.loaders.forgetCampaign(campaign.id);

  if (xpAwarded > 0) {
    const reason = `Session ${session.number}: ${session.title}`;
    // One by one: the first failure stops the rest and is reported, so the DM knows exactly where it stopped.
    for (const { characterId } of party) {
      await hubRequest({ identityHeader: ctx.identityHeader }, AWARD_EXPERIENCE, {
        input: { characterId, amount: xpAwarded, reason },
      });
    }
  }
  return { campaign, session };
}
