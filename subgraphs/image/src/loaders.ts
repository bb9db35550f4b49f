import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { ImageDb } from './context.js';
import { images, type ImageRow } from './db/schema.js';
import { isUuid } from '#lib/db/uuid.js';

export interface Loaders {
  /** Image metadata by id (null when unknown): one SQL statement per request whatever the number of ids. */
  imageById: DataLoader<string, ImageRow | null>;
}

export function createLoaders(db: ImageDb): Loaders {
  return {
    imageById: new DataLoader(async (ids) => {
      // A malformed id cannot match and would make Postgres reject the whole batch.
      const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = wanted.length ? await db.select().from(images).where(inArray(images.id, wanted)) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
