import { sql } from 'drizzle-orm';
import { check, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { GenerationContext, GenerationKind, TextFinishReason as FinishReason } from '../providers/provider.js';

// Mutations retried with their idempotency-key (a generation the hub retries after a timeout) are answered from here
// instead of running, and costing, twice.
export * from '#lib/subgraph/idempotency/schema.js';

/** Kept in sync with the GraphQL enum; a CHECK (not a Postgres enum) so a later issue adds values without ALTER TYPE. */
export const GENERATION_KINDS = ['BACKSTORY', 'PLOT_HOOK', 'NPC_DESCRIPTION', 'LOCATION_DESCRIPTION', 'FREEFORM'] as const satisfies readonly GenerationKind[];
export const GENERATION_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];
export const GENERATION_TYPES = ['TEXT', 'IMAGE'] as const;
export type GenerationType = (typeof GENERATION_TYPES)[number];
export const FINISH_REASONS = ['stop', 'length'] as const satisfies readonly FinishReason[];

/** A provider tried before the one that served (or before the generation failed), and why it did not. */
export interface FallbackRecord {
  provider: string;
  reason: string;
  /**
   * Set when the limits counted the attempt (it reached the provider: a stream cut short, a timeout, an error inside
   * the stream): its usage and cost, which Query.usage counts under this provider. Absent for refusals (429, 401, no
   * key), whose reservation went back, and on rows stored before attempts carried it.
   */
  promptTokens?: number;
  completionTokens?: number;
  costUsd?: number;
}

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // pg hands back a Buffer, PGlite a Uint8Array: one type for the resolvers either way.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/** Every generation of the platform (text or images), whoever asked and whichever provider answered. */
export const generations = pgTable(
  'generations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // text, not uuid: user ids come from the identity provider and their format is not this service's to assume.
    userId: text('user_id').notNull(),
    // Default TEXT: every row written before images existed was a text generation.
    type: text('type').$type<GenerationType>().notNull().default('TEXT'),
    kind: text('kind').$type<GenerationKind>().notNull(),
    status: text('status').$type<GenerationStatus>().notNull(),
    prompt: text('prompt'),
    // The whole context as given, so a generation can be explained (and replayed) later.
    context: jsonb('context').$type<GenerationContext>().notNull(),
    characterId: uuid('character_id'),
    campaignId: uuid('campaign_id'),
    text: text('text').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    seed: integer('seed').notNull(),
    maxTokens: integer('max_tokens').notNull(),
    finishReason: text('finish_reason').$type<FinishReason>(),
    promptTokens: integer('prompt_tokens').notNull(),
    completionTokens: integer('completion_tokens').notNull(),
    durationMs: integer('duration_ms').notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorRetryAfter: real('error_retry_after'),
    fallbacks: jsonb('fallbacks').$type<FallbackRecord[]>().notNull().default([]),
    // double precision: sums over months of sub-cent costs stay exact enough; real (6 digits) would not.
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    firstTokenMs: integer('first_token_ms'),
    // Set by cancelGeneration on another instance: the instance running the stream polls for it.
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true, precision: 3 }),
    // Which llm process runs a RUNNING row; null for rows older than this column and for finished ones' history.
    instanceId: text('instance_id'),
    // Millisecond precision: the keyset cursor carries a JS Date, which cannot hold Postgres' microseconds.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Query.generations: the caller's, newest first; also Query.usage's range scan by user and created_at.
    index('generations_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // Query.usage with a provider filter: the caller's calls of one provider in a time range.
    index('generations_user_provider_created_idx').on(t.userId, t.provider, t.createdAt),
    // Character.generations: per character, the caller's, newest first.
    index('generations_character_user_created_idx').on(t.characterId, t.userId, t.createdAt.desc(), t.id.desc()),
    // The cancel poller: an instance's running rows only (a partial index stays tiny: rows run for seconds).
    index('generations_running_instance_idx')
      .on(t.instanceId)
      .where(sql`${t.status} = 'RUNNING'`),
    check('generations_kind_check', sql`${t.kind} in (${quoted(GENERATION_KINDS)})`),
    check('generations_type_check', sql`${t.type} in (${quoted(GENERATION_TYPES)})`),
    check('generations_status_check', sql`${t.status} in (${quoted(GENERATION_STATUSES)})`),
    check('generations_finish_reason_check', sql`${t.finishReason} is null or ${t.finishReason} in (${quoted(FINISH_REASONS)})`),
    check('generations_tokens_check', sql`${t.promptTokens} >= 0 and ${t.completionTokens} >= 0`),
    check('generations_cost_check', sql`${t.costUsd} >= 0`),
  ],
);

/** The pictures of an IMAGE generation, in order. */
export const generationImages = pgTable(
  'generation_images',
  {
    generationId: uuid('generation_id')
      .notNull()
      .references(() => generations.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    png: bytea('png').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    revisedPrompt: text('revised_prompt'),
  },
  (t) => [primaryKey({ columns: [t.generationId, t.index] }), check('generation_images_size_check', sql`${t.width} > 0 and ${t.height} > 0`)],
);

export type GenerationRow = typeof generations.$inferSelect;
export type NewGenerationRow = typeof generations.$inferInsert;
export type GenerationImageRow = typeof generationImages.$inferSelect;
export const schema = { generations, generationImages };
