import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { readPageArgs, selectsField, toConnection, unauthenticated } from '#lib/graphql/index.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { generations } from '../db/schema.js';
import { readUsage } from '../generations/read-usage.js';
import { toProviderStatus } from './provider-status.js';

/** Keyset cursor: the sort key (createdAt, id) of the last row seen. */
interface GenerationCursor {
  createdAt: string;
  id: string;
}

function isCursor(value: unknown): value is GenerationCursor {
  if (typeof value !== 'object' || value === null) return false;
  const { createdAt, id } = value as Record<string, unknown>;
  return typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id);
}

export const Query: QueryResolvers = {
  generation: async (_parent, { id }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    // The loader is scoped to the caller: someone else's generation reads as null, not FORBIDDEN, so ids leak nothing.
    return ctx.loaders.generationById.load(id);
  },

  generations: async (_parent, args, ctx, info) => {
    const userId = ctx.userId;
    if (!userId) throw unauthenticated();
    const page = readPageArgs(args, isCursor);
    const after = page.after;
    const keyset = after
      ? or(lt(generations.createdAt, new Date(after.createdAt)), and(eq(generations.createdAt, new Date(after.createdAt)), lt(generations.id, after.id)))
      : undefined;
    const [rows, [count]] = await Promise.all([
      ctx.db
        .select()
        .from(generations)
        .where(and(eq(generations.userId, userId), keyset))
        .orderBy(desc(generations.createdAt), desc(generations.id))
        .limit(page.limit + 1),
      // Counted only when asked for: otherwise the 0 below is never read.
      selectsField(info, 'totalCount')
        ? ctx.db
            .select({ total: sql<number>`count(*)::int` })
            .from(generations)
            .where(eq(generations.userId, userId))
        : [],
    ]);
    for (const row of rows) ctx.loaders.generationById.prime(row.id, row);
    const connection = toConnection(rows, page.limit, (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
    return { ...connection, totalCount: Number(count?.total ?? 0) };
  },
  usage: async (_parent, { filter }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    return readUsage(ctx.db, ctx.userId, filter);
  },

  // Any signed-in user: health and key states help decide which provider to ask; the keys themselves never leave.
  providers: (_parent, _args, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    return ctx.providers.statuses().map((status) => toProviderStatus(status, ctx.settings.current));
  },
};
