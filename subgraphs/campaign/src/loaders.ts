import DataLoader from 'dataloader';
import { and, asc, desc, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import type { CampaignDatabase } from './db/database.js';
import {
  campaignMembers,
  campaigns,
  gameSessions,
  locations,
  npcs,
  partyCharacters,
  plotHooks,
  quests,
  type CampaignMemberRow,
  type CampaignRow,
  type GameSessionRow,
  type LocationRow,
  type NpcRow,
  type PartyCharacterRow,
  type PlotHookRow,
  type QuestRow,
} from './db/schema.js';
import { isUuid } from './validation.js';

/**
 * Per-request DataLoaders: one SQL statement per kind of row per request, however many campaigns or characters
 * the query touches (federation sends all representations of a type in one _entities call).
 */
export interface Loaders {
  campaign: DataLoader<string, CampaignRow | null>;
  /** The active campaign whose party holds a character, by character id. */
  campaignOfCharacter: DataLoader<string, CampaignRow | null>;
  members: DataLoader<string, CampaignMemberRow[]>;
  /** Characters currently in the party (left_at IS NULL). */
  party: DataLoader<string, PartyCharacterRow[]>;
  sessions: DataLoader<string, GameSessionRow[]>;
  npcs: DataLoader<string, NpcRow[]>;
  locations: DataLoader<string, LocationRow[]>;
  quests: DataLoader<string, QuestRow[]>;
  /** Newest generation first, each generation's hooks in their order. */
  plotHooks: DataLoader<string, PlotHookRow[]>;
  /** Drops everything cached about a campaign: a mutation changed it, and its payload must show the change. */
  forgetCampaign(campaignId: string): void;
}

/** Groups rows by campaign id in the order of `keys` (DataLoader's contract), [] for a campaign without rows. */
function groupByCampaign<TRow extends { campaignId: string }>(keys: readonly string[], rows: TRow[]): TRow[][] {
  const byCampaign = new Map<string, TRow[]>();
  for (const row of rows) {
    const list = byCampaign.get(row.campaignId);
    if (list) list.push(row);
    else byCampaign.set(row.campaignId, [row]);
  }
  return keys.map((key) => byCampaign.get(key) ?? []);
}

/** Only well-formed UUIDs reach SQL: a uuid column would reject anything else with a driver error. */
const uuidKeys = (keys: readonly string[]) => [...new Set(keys.filter(isUuid))];

export function createLoaders(db: CampaignDatabase): Loaders {
  const campaign = new DataLoader<string, CampaignRow | null>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length ? await db.select().from(campaigns).where(inArray(campaigns.id, ids)) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return keys.map((key) => byId.get(key) ?? null);
  });

  const campaignOfCharacter = new DataLoader<string, CampaignRow | null>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length
      ? await db
          .select({ characterId: partyCharacters.characterId, campaign: getTableColumns(campaigns) })
          .from(partyCharacters)
          .innerJoin(campaigns, eq(campaigns.id, partyCharacters.campaignId))
          .where(and(inArray(partyCharacters.characterId, ids), isNull(partyCharacters.leftAt)))
      : [];
    const byCharacter = new Map(rows.map((row) => [row.characterId, row.campaign]));
    // The campaign's own fields come next in most queries: no second statement for them.
    for (const row of rows) campaign.prime(row.campaign.id, row.campaign);
    return keys.map((key) => byCharacter.get(key) ?? null);
  });

  const members = new DataLoader<string, CampaignMemberRow[]>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length
      ? await db
          .select()
          .from(campaignMembers)
          .where(inArray(campaignMembers.campaignId, ids))
          .orderBy(asc(campaignMembers.invitedAt), asc(campaignMembers.userId))
      : [];
    return groupByCampaign(keys, rows);
  });

  const party = new DataLoader<string, PartyCharacterRow[]>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length
      ? await db
          .select()
          .from(partyCharacters)
          .where(and(inArray(partyCharacters.campaignId, ids), isNull(partyCharacters.leftAt)))
          .orderBy(asc(partyCharacters.addedAt), asc(partyCharacters.id))
      : [];
    return groupByCampaign(keys, rows);
  });

  const sessions = new DataLoader<string, GameSessionRow[]>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length ? await db.select().from(gameSessions).where(inArray(gameSessions.campaignId, ids)).orderBy(asc(gameSessions.number)) : [];
    return groupByCampaign(keys, rows);
  });

  const npcLoader = new DataLoader<string, NpcRow[]>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length ? await db.select().from(npcs).where(inArray(npcs.campaignId, ids)).orderBy(asc(npcs.createdAt), asc(npcs.id)) : [];
    return groupByCampaign(keys, rows);
  });

  const locationLoader = new DataLoader<string, LocationRow[]>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length
      ? await db.select().from(locations).where(inArray(locations.campaignId, ids)).orderBy(asc(locations.createdAt), asc(locations.id))
      : [];
    return groupByCampaign(keys, rows);
  });

  const questLoader = new DataLoader<string, QuestRow[]>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length ? await db.select().from(quests).where(inArray(quests.campaignId, ids)).orderBy(asc(quests.createdAt), asc(quests.id)) : [];
    return groupByCampaign(keys, rows);
  });

  const plotHookLoader = new DataLoader<string, PlotHookRow[]>(async (keys) => {
    const ids = uuidKeys(keys);
    const rows = ids.length
      ? await db
          .select()
          .from(plotHooks)
          .where(inArray(plotHooks.campaignId, ids))
          .orderBy(desc(plotHooks.createdAt), asc(plotHooks.generationId), asc(plotHooks.position))
      : [];
    return groupByCampaign(keys, rows);
  });

  return {
    campaign,
    campaignOfCharacter,
    members,
    party,
    sessions,
    npcs: npcLoader,
    locations: locationLoader,
    quests: questLoader,
    plotHooks: plotHookLoader,
    forgetCampaign(campaignId) {
      for (const loader of [campaign, members, party, sessions, npcLoader, locationLoader, questLoader, plotHookLoader]) loader.clear(campaignId);
      // Which campaign a character is in may have changed too; that cache is keyed by character, so drop it whole.
      campaignOfCharacter.clearAll();
    },
  };
}
