import { isUuid } from '#lib/db/uuid.js';
import DataLoader from 'dataloader';
import { and, desc, eq, getTableColumns, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { LlmDatabase } from './context.js';
import { generationImages, generations, type GenerationImageRow, type GenerationRow } from './db/schema.js';

export interface CharacterGenerationsKey {
  characterId: string;
  first: number;
}

export interface Loaders {
  /** A generation the caller may read, by id (null for missing or hidden): Query.generation and __resolveReference. */
  generationById: DataLoader<string, GenerationRow | null>;
  /** The latest `first` generations about a character the caller may read: Character.generations. */
  characterGenerations: DataLoader<CharacterGenerationsKey, GenerationRow[], string>;
  /** The pictures of IMAGE generations, in order: Generation.images. */
  imagesByGeneration: DataLoader<string, GenerationImageRow[]>;
}

/** The campaigns the caller runs as DM (asked once per request, and only when a row needs it). */
export type DungeonMasterCampaigns = () => Promise<ReadonlySet<string>>;

/**
 * Per-request loaders, scoped to the caller: visibility is part of every query, so no resolver can forget it. A
 * generation (prompt and output) is its requester's and, when linked to a campaign, that campaign's DM's: a player's
 * backstory reaches the table's DM, a DM's plot hooks reach nobody else. Each batch is ONE SQL statement, whatever
 * the number of keys: it reads the caller's own rows and the candidates linked to a campaign, and the campaign
 * service is asked which of those the caller runs only when another user's candidate came back.
 */
export function createLoaders(db: LlmDatabase, userId: string | null, dmCampaigns: DungeonMasterCampaigns): Loaders {
  /** The caller's own rows, and others' rows linked to a campaign (visible if the caller runs it: `readable`). */
  const candidates = () => or(eq(generations.userId, userId!), isNotNull(generations.campaignId))!;

  /** Keeps the rows the caller may read: their own, and others' linked to a campaign they run. */
  async function readable(rows: GenerationRow[]): Promise<GenerationRow[]> {
    if (rows.every((row) => row.userId === userId)) return rows;
    const runs = await dmCampaigns();
    return rows.filter((row) => row.userId === userId || (row.campaignId !== null && runs.has(row.campaignId)));
  }

  return {
    generationById: new DataLoader(async (ids) => {
      // Non-UUID ids cannot exist; filtering them keeps the uuid cast in SQL from failing the whole batch.
      const valid = [...new Set(ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
      if (!userId || valid.length === 0) return ids.map(() => null);
      const rows = await readable(
        await db
          .select()
          .from(generations)
          .where(and(inArray(generations.id, valid), candidates())),
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),

    characterGenerations: new DataLoader(
      async (keys) => {
        const characterIds = [...new Set(keys.map((k) => k.characterId.toLowerCase()).filter((id) => isUuid(id)))];
        if (!userId || characterIds.length === 0) return keys.map(() => []);
        // One statement for every character and every `first` asked in this request: rank, keep the largest
        // `first`, and let each key take its own prefix below. The caller's own rows are ranked per character;
        // others' per character AND campaign, so that whichever campaigns turn out to be the caller's, the newest
        // `first` of them are all here (ranking others' rows together would let a campaign the caller does not
        // run crowd out one they do). A DM's plot hooks name the character too, and never reach its player.
        const limit = Math.max(...keys.map((k) => k.first));
        const group = sql`case when ${generations.userId} = ${userId} then null else ${generations.campaignId} end`;
        const ranked = db
          .select({
            ...getTableColumns(generations),
            rank: sql<number>`row_number() over (partition by ${generations.characterId}, ${group} order by ${generations.createdAt} desc, ${generations.id} desc)`.as(
              'rank',
            ),
          })
          .from(generations)
          // Served by generations_character_user_created_idx.
          .where(and(inArray(generations.characterId, characterIds), candidates()))
          .as('ranked');
        const rows = await db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(ranked.characterId, desc(ranked.createdAt), desc(ranked.id));
        const byCharacter = new Map<string, GenerationRow[]>();
        for (const { rank: _rank, ...row } of rows) {
          const list = byCharacter.get(row.characterId ?? '') ?? [];
          list.push(row);
          byCharacter.set(row.characterId ?? '', list);
        }
        const visible = new Set(await readable([...byCharacter.values()].flat()));
        return keys.map((k) => (byCharacter.get(k.characterId.toLowerCase()) ?? []).filter((row) => visible.has(row)).slice(0, k.first));
      },
      // `first` is part of the key: the same character asked with first 3 and first 10 are different answers.
      { cacheKeyFn: (k) => `${k.characterId.toLowerCase()}:${k.first}` },
    ),

    // Keys are ids of generations already read through a visibility-scoped path, so no check is repeated.
    imagesByGeneration: new DataLoader(async (ids) => {
      const rows = await db
        .select()
        .from(generationImages)
        .where(inArray(generationImages.generationId, [...new Set(ids)]))
        .orderBy(generationImages.generationId, generationImages.index);
      const byGeneration = new Map<string, GenerationImageRow[]>();
      for (const row of rows) byGeneration.set(row.generationId, [...(byGeneration.get(row.generationId) ?? []), row]);
      return ids.map((id) => byGeneration.get(id) ?? []);
    }),
  };
}
