import { badUserInput, readPageArgs, selectsField, toConnection } from '#lib/graphql/index.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { countImages, listImages, type ImageCursor } from '../db/image-store.js';
import type { ImageRow } from '../db/schema.js';
import { isUuid } from '#lib/db/uuid.js';
import { requireUser } from '#lib/subgraph/index.js';
import { visibleImage, visibleTo } from '../access/image-access.js';

function isImageCursor(value: unknown): value is ImageCursor {
  if (typeof value !== 'object' || value === null) return false;
  const { c, i } = value as Record<string, unknown>;
  return typeof c === 'string' && !Number.isNaN(Date.parse(c)) && typeof i === 'string' && isUuid(i);
}

const cursorOf = (row: ImageRow): ImageCursor => ({ c: row.createdAt.toISOString(), i: row.id });

export const Query: QueryResolvers = {
  image: async (_parent, { id }, ctx) => visibleImage(ctx, await ctx.loaders.imageById.load(id)),

  images: async (_parent, { first, after, filter }, ctx, info) => {
    const userId = requireUser(ctx);
    const page = readPageArgs({ first, after }, isImageCursor);
    if (filter?.campaignId && !isUuid(filter.campaignId)) throw badUserInput('filter.campaignId must be a campaign id (UUID)', { field: 'filter.campaignId' });
    const where = {
      kind: filter?.kind,
      ownerId: filter?.ownerId,
      campaignId: filter?.campaignId?.toLowerCase(),
      visible: visibleTo(userId, await ctx.campaigns()),
    };
    // Counted only when asked for: otherwise the 0 is never read.
    const [rows, totalCount] = await Promise.all([
      listImages(ctx.db, where, page.limit, page.after),
      selectsField(info, 'totalCount') ? countImages(ctx.db, where) : 0,
    ]);
    // Prime the loader: an Image reached again in this request (e.g. through a Character) costs no query.
    for (const row of rows) ctx.loaders.imageById.prime(row.id, row);
    return { ...toConnection(rows, page.limit, cursorOf), totalCount };
  },
};
