import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { badUserInput } from '../../../../lib/graphql/index.js';
import type { UsageFilter } from '../__generated__/resolvers-types.js';
import type { LlmDatabase } from '../context.js';
import { generationImages, generations } from '../db/schema.js';

// 30 days: a month of spending at a glance, the span a monthly provider bill covers.
const DEFAULT_SPAN_MS = 30 * 24 * 3600 * 1000;
const PERIODS = { HOUR: 'hour', DAY: 'day', MONTH: 'month' } as const;

export interface UsageBucketRow {
  periodStart: Date;
  provider: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  images: number;
  costUsd: number;
}

/** The caller's generations in [since, until], grouped by provider and UTC period, newest period first. */
export async function readUsage(db: LlmDatabase, userId: string, filter: UsageFilter | null | undefined): Promise<UsageBucketRow[]> {
  const until = filter?.until ? new Date(filter.until) : new Date();
  const since = filter?.since ? new Date(filter.since) : new Date(until.getTime() - DEFAULT_SPAN_MS);
  if (since.getTime() > until.getTime()) throw badUserInput('filter.since must not be after filter.until', { field: 'filter.since' });
  // sql.raw of a value from a fixed map, never from the client: date_trunc's unit cannot be a bind parameter on every server.
  const unit = sql.raw(`'${PERIODS[filter?.period ?? 'DAY']}'`);
  // Truncated in UTC whatever the session's time zone, then back to an instant.
  const period = sql<Date>`date_trunc(${unit}, ${generations.createdAt} at time zone 'UTC') at time zone 'UTC'`;
  const rows = await db
    .select({
      periodStart: period,
      provider: generations.provider,
      requests: sql<number>`count(*)::int`,
      promptTokens: sql<number>`coalesce(sum(${generations.promptTokens}), 0)::int`,
      completionTokens: sql<number>`coalesce(sum(${generations.completionTokens}), 0)::int`,
      images: sql<number>`coalesce(sum((select count(*) from ${generationImages} where ${generationImages.generationId} = ${generations.id})), 0)::int`,
      costUsd: sql<number>`coalesce(sum(${generations.costUsd}), 0)::float8`,
    })
    .from(generations)
    .where(
      and(
        eq(generations.userId, userId),
        gte(generations.createdAt, since),
        lte(generations.createdAt, until),
        filter?.provider ? eq(generations.provider, filter.provider) : undefined,
      ),
    )
    .groupBy(period, generations.provider)
    .orderBy(sql`1 desc`, generations.provider);
  // pg returns timestamps of raw SQL as strings and counts as strings on some drivers: normalise once here.
  return rows.map((row) => ({
    periodStart: new Date(row.periodStart),
    provider: row.provider,
    requests: Number(row.requests),
    promptTokens: Number(row.promptTokens),
    completionTokens: Number(row.completionTokens),
    images: Number(row.images),
    costUsd: Number(row.costUsd),
  }));
}
