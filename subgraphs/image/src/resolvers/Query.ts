import { readPageArgs, toConnection } from '../../../../lib/graphql/index.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { countImages, listImages, type ImageCursor } from '../db/image-store.js';
import type { ImageRow } from '../db/schema.js';
import { isUuid } from '../../../../lib/db/uuid.js';
import { requireUser } from './require-user.js';

function isImageCursor(value: unknown): value is ImageCursor {
  if (typeof value !== 'object' || value === null) return false;
  const { c, i } = value as Record<string, unknown>;
  return typeof c === 'string' && !Number.isNaN(Date.parse(c)) && typeof i === 'string' && isUuid(i);
}

const cursorOf = (row: ImageRow): ImageCursor => ({ c: row.createdAt.toISOString(), i: row.id });

export const Query: QueryResolvers = {
  image: (_parent, { id }, ctx) => {
    requireUser(ctx);
    return ctx.loaders.imageById.load(id);
  },

  images: async (_parent, { first, after, filter }, ctx) => {
    requireUser(ctx);
    const page = readPageArgs({ first, after }, isImageCursor);
    const where = { kind: filter?.kind, ownerId: filter?.ownerId };
    const [rows, totalCount] = await Promise.all([
      listImages(ctx.db, where, page.limit, page.after),
      countImages(ctx.db, where),
    ]);
    // Prime the loader: an Image reached again in this request (e.g. through a Character) costs no query.
    for (const row of rows) ctx.loaders.imageById.prime(row.id, row);
    return { ...toConnection(rows, page.limit, cursorOf), totalCount };
  },
};
