import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { badUserInput } from '#lib/graphql/index.js';
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

/**
 * The caller's provider calls in [since, until], grouped by provider and UTC period, newest period first. A call is
 * a generation's own (the provider that served it, or the last one tried) plus every failed attempt the limits
 * counted (its tokens are in the fallbacks entry), so a stream cut short is in the usage of the provider that cut it.
 */
export async function readUsage(db: LlmDatabase, userId: string, filter: UsageFilter | null | undefined): Promise<UsageBucketRow[]> {
  const until = filter?.until ? new Date(filter.until) : new Date();
  const since = filter?.since ? new Date(filter.since) : new Date(until.getTime() - DEFAULT_SPAN_MS);
  if (since.getTime() > until.getTime()) throw badUserInput('filter.since must not be after filter.until', { field: 'filter.since' });
  // sql.raw of a value from a fixed map, never from the client: date_trunc's unit cannot be a bind parameter on every server.
  const unit = sql.raw(`'${PERIODS[filter?.period ?? 'DAY']}'`);
  // Truncated in UTC whatever the session's time zone, then back to an instant.
  const period = sql<Date>`date_trunc(${unit}, ${generations.createdAt} at time zone 'UTC') at time zone 'UTC'`;
  const mine = and(eq(generations.userId, userId), gte(generations.createdAt, since), lte(generations.createdAt, until));
  // A generation that failed everywhere ends on its last provider, whose counted attempt is also in its fallbacks:
  // the row itself is then not counted again (a chain never holds a provider twice, so the name tells).
  const ownAttemptListed = sql`exists (select 1 from jsonb_array_elements(${generations.fallbacks}) as listed
    where listed->>'provider' = ${generations.provider} and listed ? 'promptTokens')`;
  const attempt = sql.raw('attempt');
  const attemptProvider = sql<string>`${attempt}->>'provider'`;
  const [own, failed] = await Promise.all([
    db
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
      .where(and(mine, sql`not ${ownAttemptListed}`, filter?.provider ? eq(generations.provider, filter.provider) : undefined))
      .groupBy(period, generations.provider),
    db
      .select({
        periodStart: period,
        provider: attemptProvider,
        requests: sql<number>`count(*)::int`,
        promptTokens: sql<number>`coalesce(sum((${attempt}->>'promptTokens')::int), 0)::int`,
        completionTokens: sql<number>`coalesce(sum((${attempt}->>'completionTokens')::int), 0)::int`,
        images: sql<number>`0`,
        costUsd: sql<number>`coalesce(sum((${attempt}->>'costUsd')::float8), 0)::float8`,
      })
      .from(sql`${generations} cross join lateral jsonb_array_elements(${generations.fallbacks}) as ${attempt}`)
      .where(and(mine, sql`${attempt} ? 'promptTokens'`, filter?.provider ? sql`${attemptProvider} = ${filter.provider}` : undefined))
      .groupBy(period, attemptProvider),
  ]);
  return mergeBuckets([...own, ...failed].map(normalise));
}

// pg returns timestamps of raw SQL as strings and counts as strings on some drivers: normalise once here.
function normalise(row: Record<keyof UsageBucketRow, unknown>): UsageBucketRow {
  return {
    periodStart: new Date(row.periodStart as string | Date),
    provider: String(row.provider),
    requests: Number(row.requests),
    promptTokens: Number(row.promptTokens),
    completionTokens: Number(row.completionTokens),
    images: Number(row.images),
    costUsd: Number(row.costUsd),
  };
}

/** One bucket per period and provider, newest period first, then by provider name. */
function mergeBuckets(rows: UsageBucketRow[]): UsageBucketRow[] {
  const buckets = new Map<string, UsageBucketRow>();
  for (const row of rows) {
    const key = `${row.periodStart.toISOString()}|${row.provider}`;
    const bucket = buckets.get(key);
    if (!bucket) {
      buckets.set(key, { ...row });
      continue;
    }
    bucket.requests += row.requests;
    bucket.promptTokens += row.promptTokens;
    bucket.completionTokens += row.completionTokens;
    bucket.images += row.images;
    bucket.costUsd += row.costUsd;
  }
  return [...buckets.values()].sort(
    (a, b) => b.periodStart.getTime() - a.periodStart.getTime() || (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0),
  );
}
