import { and, count, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { readPageArgs, selectsField, toConnection } from '#lib/graphql/index.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { requireUser } from '../access.js';
import { campaignMembers, campaigns } from '../db/schema.js';
import { isUuid } from '../validation.js';

/** Keyset cursor of Query.campaigns: the sort key (createdAt, id) of the last campaign of a page. */
interface CampaignCursor {
  createdAt: string;
  id: string;
}

function isCampaignCursor(value: unknown): value is CampaignCursor {
  if (typeof value !== 'object' || value === null) return false;
  const { createdAt, id } = value as Record<string, unknown>;
  return typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && isUuid(id);
}

export const Query: QueryResolvers = {
  campaign: (_parent, { id }, ctx) => {
    requireUser(ctx);
    return ctx.loaders.campaign.load(id);
  },

  campaigns: async (_parent, args, ctx, info) => {
    const userId = requireUser(ctx);
    const page = readPageArgs(args, isCampaignCursor);
    const mine = eq(campaignMembers.userId, userId);
    // Newest first; (created_at, id) breaks ties between campaigns created in the same millisecond.
    const after = page.after ? sql`(${campaigns.createdAt}, ${campaigns.id}) < (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)` : undefined;
    const [rows, totals] = await Promise.all([
      ctx.db
        .select(getTableColumns(campaigns))
        .from(campaigns)
        .innerJoin(campaignMembers, eq(campaignMembers.campaignId, campaigns.id))
        .where(and(mine, after))
        .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
        .limit(page.limit + 1),
      // Counted only when asked for: otherwise the 0 below is never read.
      selectsField(info, 'totalCount') ? ctx.db.select({ total: count() }).from(campaignMembers).where(mine) : [],
    ]);
    for (const row of rows) ctx.loaders.campaign.prime(row.id, row);
    const connection = toConnection(rows, page.limit, (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
    // count() is a number on PGlite and a string on pg.
    return { ...connection, totalCount: Number(totals[0]?.total ?? 0) };
  },
};
