import { isUuid } from '../../../lib/db/uuid.js';
import DataLoader from 'dataloader';
import { and, eq, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import type { LlmDatabase } from './context.js';
import { generationImages, generations, type GenerationImageRow, type GenerationRow } from './db/schema.js';

export interface CharacterGenerationsKey {
  characterId: string;
  first: number;
}

export interface Loaders {
  /** The caller's generation by id (null for missing or someone else's): Query.generation and __resolveReference. */
  generationById: DataLoader<string, GenerationRow | null>;
  /** The caller's latest `first` generations about a character: Character.generations. */
  characterGenerations: DataLoader<CharacterGenerationsKey, GenerationRow[], string>;
  /** The pictures of IMAGE generations, in order: Generation.images. */
  imagesByGeneration: DataLoader<string, GenerationImageRow[]>;
}

/**
 * Per-request loaders, scoped to the caller: ownership is part of every query, so no resolver can forget it.
 * Each batch is ONE SQL statement, whatever the number of keys.
 */
export function createLoaders(db: LlmDatabase, userId: string | null): Loaders {
  return {
    generationById: new DataLoader(async (ids) => {
      // Non-UUID ids cannot exist; filtering them keeps the uuid cast in SQL from failing the whole batch.
      const valid = [...new Set(ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
      if (!userId || valid.length === 0) return ids.map(() => null);
      const rows = await db
        .select()
        .from(generations)
        .where(and(eq(generations.userId, userId), inArray(generations.id, valid)));
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
        const ranked = db
          .select({
            ...getTableColumns(generations),
            rank: sql<number>`row_number() over (partition by ${generations.characterId} order by ${generations.createdAt} desc, ${generations.id} desc)`.as('rank'),
          })
          .from(generations)
          // The caller's own generations about the character only: a prompt and its output are the requester's (a
          // DM's plot hooks name the character too, and must never reach its player). What the table sees of a
          // backstory is the one stored on the sheet. Served by generations_character_user_created_idx.
          .where(and(inArray(generations.characterId, characterIds), eq(generations.userId, userId)))
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

    // Keys are ids of generations already read through an owner-scoped path, so no ownership check is repeated.
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
