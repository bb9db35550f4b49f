/**
 * The facts that span two services' databases, which the hub's transactions exist to keep true:
 * - every character's portrait is an image the image service has,
 * - party membership agrees on both sides (campaign's party_characters, character's active_campaign_id),
 * - every recorded session's experience reached every character it was awarded to.
 * Each check returns what it looked at (for the report) and one line per violation, naming the ids.
 */
import { eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { characters } from '../subgraphs/character/src/db/schema.js';
import { partyCharacters } from '../subgraphs/campaign/src/db/schema.js';
import { images } from '../subgraphs/image/src/db/schema.js';
import { events } from '#lib/event-store/schema.js';
import type { AnyDb, PlatformDatabases } from './check-databases.js';

export interface CheckResult {
  name: string;
  /** What was found consistent, printed when there is no violation. */
  summary: string;
  violations: string[];
  /** Printed either way: what the reader should know about the result. */
  note?: string;
}

// 1000 ids per IN list: far below either driver's parameter limit (65535), few round trips on a big platform.
const CHUNK = 1000;

async function existingIds(db: AnyDb, table: typeof images | typeof characters, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(inArray(table.id, ids.slice(i, i + CHUNK)));
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export async function checkPortraits(dbs: PlatformDatabases): Promise<CheckResult> {
  const rows = await dbs.character
    .select({ id: characters.id, portraitImageId: characters.portraitImageId })
    .from(characters)
    .where(isNotNull(characters.portraitImageId));
  const linked = rows.flatMap((row) => (row.portraitImageId ? [{ id: row.id, imageId: row.portraitImageId }] : []));
  const found = await existingIds(dbs.image, images, [...new Set(linked.map((row) => row.imageId))]);
  const violations = linked
    .filter((row) => !found.has(row.imageId))
    .map((row) => `character ${row.id} has portrait ${row.imageId}, which the image service does not have`);
  return { name: 'portraits', summary: `${linked.length} character portraits exist as images`, violations };
}

export async function checkParty(dbs: PlatformDatabases): Promise<CheckResult> {
  const members = await dbs.campaign
    .select({ campaignId: partyCharacters.campaignId, characterId: partyCharacters.characterId })
    .from(partyCharacters)
    .where(isNull(partyCharacters.leftAt));
  const active = await dbs.character
    .select({ id: characters.id, activeCampaignId: characters.activeCampaignId })
    .from(characters)
    .where(isNotNull(characters.activeCampaignId));
  const activeOf = new Map(active.map((row) => [row.id, row.activeCampaignId]));
  const existing = await existingIds(
    dbs.character,
    characters,
    members.map((m) => m.characterId).filter((id) => !activeOf.has(id)),
  );
  const violations: string[] = [];
  for (const member of members) {
    const set = activeOf.get(member.characterId);
    if (set === member.campaignId) continue;
    const state = set ? `active campaign ${set}` : existing.has(member.characterId) ? 'no active campaign' : 'no such character';
    violations.push(`campaign ${member.campaignId} has character ${member.characterId} in its party, but the character has ${state}`);
  }
  const inParty = new Set(members.map((m) => `${m.campaignId}|${m.characterId}`));
  for (const row of active) {
    if (!inParty.has(`${row.activeCampaignId}|${row.id}`)) {
      violations.push(`character ${row.id} has active campaign ${row.activeCampaignId}, but is not in that campaign's party`);
    }
  }
  return { name: 'party', summary: `${members.length} party memberships agree with the characters' active campaigns`, violations };
}

interface SessionData {
  sessionId: string;
  xpAwarded: number;
  awardedTo: string[];
}
interface AwardData {
  characterId: string;
  amount: number;
  sessionId?: string;
}

export async function checkSessionExperience(dbs: PlatformDatabases): Promise<CheckResult> {
  const recorded = await dbs.campaign.select({ data: events.data }).from(events).where(eq(events.type, 'SessionRecorded'));
  const sessions = recorded.map((row) => row.data as SessionData).filter((session) => session.xpAwarded > 0);
  const awards = await dbs.character.select({ data: events.data }).from(events).where(eq(events.type, 'ExperienceAwarded'));
  const received = new Set(
    awards
      .map((row) => row.data as AwardData)
      .filter((award) => award.sessionId)
      .map((award) => `${award.sessionId}|${award.characterId}|${award.amount}`),
  );
  // A character deleted since is not owed anything: its events stay, its row is gone.
  const alive = await existingIds(dbs.character, characters, [...new Set(sessions.flatMap((session) => session.awardedTo))]);
  const violations: string[] = [];
  let owed = 0;
  for (const session of sessions) {
    for (const characterId of session.awardedTo.filter((id) => alive.has(id))) {
      owed++;
      if (!received.has(`${session.sessionId}|${characterId}|${session.xpAwarded}`)) {
        violations.push(`session ${session.sessionId} awarded ${session.xpAwarded} XP to character ${characterId}, who has no ExperienceAwarded for it`);
      }
    }
  }
  return { name: 'session XP', summary: `${sessions.length} sessions' experience reached all ${owed} awarded characters`, violations };
}
