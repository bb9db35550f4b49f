import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { characters, type CharacterDb, type CharacterRow } from './db/schema.js';
import { isUuid } from '#lib/db/uuid.js';

export interface Loaders {
  /** Characters by id, null for unknown ids: one `WHERE id IN (...)` per request however many are asked for. */
  character: DataLoader<string, CharacterRow | null>;
}

export function createLoaders(db: CharacterDb): Loaders {
  return {
    character: new DataLoader(async (ids) => {
      // A malformed id cannot exist; asking Postgres would fail the whole batch on the uuid cast.
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.select().from(characters).where(inArray(characters.id, valid)) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
