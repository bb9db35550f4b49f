import { isUuid } from '../../../lib/db/uuid.js';
import DataLoader from 'dataloader';
import { and, eq, getTableColumns, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
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
 * the number of keys (plus one to learn whether anyone else's generations are in play at all).
 */
export function createLoaders(db: LlmDatabase, userId: string | null, dmCampaigns: DungeonMasterCampaigns): Loaders {
  /** Who may read among these rows: the caller's own, and those linked to a campaign the caller runs. */
  async function visible(scope: SQL): Promise<SQL> {
    const own = eq(generations.userId, userId!);
    // Others' campaign-linked generations only: without any, the campaign service is not asked.
    const [other] = await db
      .select({ campaignId: generations.campaignId })
      .from(generations)
      .where(and(scope, ne(generations.userId, userId!), isNotNull(generations.campaignId)))
      .limit(1);
    if (!other) return own;
    const campaigns = [...(await dmCampaigns())];
    return campaigns.length === 0 ? own : or(own, inArray(generations.campaignId, campaigns))!;
  }

  return {
    generationById: new DataLoader(async (ids) => {
      // Non-UUID ids cannot exist; filtering them keeps the uuid cast in SQL from failing the whole batch.
      const valid = [...new Set(ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
      if (!userId || valid.length === 0) return ids.map(() => null);
      const scope = inArray(generations.id, valid);
      const rows = await db
        .select()
        .from(generations)
        .where(and(scope, await visible(scope)));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),

    characterGenerations: new DataLoader(
      async (keys) => {
        const characterIds = [...new Set(keys.map((k) => k.characterId.toLowerCase()).filter((id) => isUuid(id)))];
        if (!userId || characterIds.length === 0) return keys.map(() => []);
        // One statement for every character and every `first` asked in this request: rank per character,
        // keep the largest `first`, and let each key take its own prefix below.
        const limit = Math.max(...keys.map((k) => k.first));
        const scope = inArray(generations.characterId, characterIds);
        const readable = await visible(scope);
        const ranked = db
          .select({
            ...getTableColumns(generations),
            rank: sql<number>`row_number() over (partition by ${generations.characterId} order by ${generations.createdAt} desc, ${generations.id} desc)`.as('rank'),
          })
          .from(generations)
          // A DM's plot hooks name the character too, and must never reach its player: `readable` keeps them the DM's.
          // Served by generations_character_user_created_idx.
          .where(and(scope, readable))
          .as('ranked');
        const rows = await db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(ranked.characterId, ranked.rank);
        const byCharacter = new Map<string, GenerationRow[]>();
        for (const { rank: _rank, ...row } of rows) {
          const list = byCharacter.get(row.characterId ?? '') ?? [];
          list.push(row);
          byCharacter.set(row.characterId ?? '', list);
        }
        return keys.map((k) => (byCharacter.get(k.characterId.toLowerCase()) ?? []).slice(0, k.first));
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
