import { and, eq, isNull } from 'drizzle-orm';
import { conflict, forbidden, invalidInput, notFound } from '#lib/domain/index.js';
import { defineOperation } from '#lib/transactions/index.js';
import { campaigns, gameSessions, partyCharacters, type CampaignSchema } from '../db/schema.js';
import { writeCampaignIn, type CampaignTx } from '../events/write-campaign.js';
import { MAX_SESSION_XP, optionalText } from '../validation.js';
import { branchMetadata, parsePayload, recordSessionPayload, sessionResource } from './payloads.js';

/** What prepare found: the session, and the party its experience goes to (stored with SessionRecorded). */
export interface RecordedSession {
  campaignId: string;
  number: number;
  title: string;
  party: string[];
}

/**
 * The campaign's part of endSession: the DM records a SCHEDULED session as PLAYED. Prepare reserves the session
 * (a second endSession of it fails with CONFLICT) and names the active party; commit records SessionRecorded
 * with that party as awardedTo, the characters whose ExperienceAwarded the hub's character branch writes.
 */
export const recordSessionOperation = defineOperation<CampaignSchema, ReturnType<typeof parseRecordSession>, RecordedSession>({
  parse: parseRecordSession,
  resources: (payload) => [sessionResource(payload.sessionId)],
  async prepare(tx: CampaignTx, payload, info) {
    const [session] = await tx.select().from(gameSessions).where(eq(gameSessions.id, payload.sessionId));
    if (!session) throw notFound(`No game session with id ${payload.sessionId}`, { sessionId: payload.sessionId });
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, session.campaignId));
    if (!campaign || campaign.dungeonMasterId !== info.actor) {
      throw forbidden('Only the dungeon master of this campaign may record its sessions', { campaignId: session.campaignId });
    }
    if (session.status !== 'SCHEDULED') throw conflict(`Session ${session.number} has already been recorded`, { sessionId: session.id });
    const party = await tx
      .select({ characterId: partyCharacters.characterId })
      .from(partyCharacters)
      .where(and(eq(partyCharacters.campaignId, campaign.id), isNull(partyCharacters.leftAt)));
    return { campaignId: campaign.id, number: session.number, title: session.title, party: party.map((row) => row.characterId) };
  },
  async commit(tx: CampaignTx, payload, prepared, info) {
    const { sessionId, recap, dmNotes, xpAwarded } = payload;
    const data = { campaignId: prepared.campaignId, sessionId, number: prepared.number, recap, dmNotes, xpAwarded, awardedTo: prepared.party };
    await writeCampaignIn(tx, prepared.campaignId, branchMetadata(info), async () => [{ type: 'SessionRecorded', data }]);
  },
});

/** The hub's payload, held to the same rules as the rest of the campaign's input. */
function parseRecordSession(payload: unknown) {
  const parsed = parsePayload(recordSessionPayload, payload);
  if (!Number.isInteger(parsed.xpAwarded) || parsed.xpAwarded < 0 || parsed.xpAwarded > MAX_SESSION_XP) {
    throw invalidInput(`xpAwarded must be a whole number from 0 to ${MAX_SESSION_XP}`, { field: 'xpAwarded' });
  }
  return {
    sessionId: parsed.sessionId,
    xpAwarded: parsed.xpAwarded,
    recap: optionalText('recap', parsed.recap),
    dmNotes: optionalText('dmNotes', parsed.dmNotes),
  };
}
