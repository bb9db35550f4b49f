import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FinishReason, GenerationContext, GenerationKind } from '../providers/text-provider.js';

/** Kept in sync with the GraphQL enum; a CHECK (not a Postgres enum) so a later issue adds values without ALTER TYPE. */
export const GENERATION_KINDS = ['BACKSTORY', 'PLOT_HOOK', 'NPC_DESCRIPTION', 'LOCATION_DESCRIPTION', 'FREEFORM'] as const satisfies readonly GenerationKind[];
export const GENERATION_STATUSES = ['COMPLETED', 'FAILED'] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];
export const FINISH_REASONS = ['stop', 'length'] as const satisfies readonly FinishReason[];

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Every text generation of the platform, whoever asked and whichever provider answered. */
export const generations = pgTable(
  'generations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // text, not uuid: user ids come from the identity provider and their format is not this service's to assume.
    userId: text('user_id').notNull(),
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
    // Millisecond precision: the keyset cursor carries a JS Date, which cannot hold Postgres' microseconds.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Query.generations: the caller's, newest first.
    index('generations_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // Character.generations: per character, the caller's, newest first.
    index('generations_character_user_created_idx').on(t.characterId, t.userId, t.createdAt.desc(), t.id.desc()),
    check('generations_kind_check', sql`${t.kind} in (${quoted(GENERATION_KINDS)})`),
    check('generations_status_check', sql`${t.status} in (${quoted(GENERATION_STATUSES)})`),
    check('generations_finish_reason_check', sql`${t.finishReason} is null or ${t.finishReason} in (${quoted(FINISH_REASONS)})`),
    check('generations_tokens_check', sql`${t.promptTokens} >= 0 and ${t.completionTokens} >= 0`),
  ],
);

export type GenerationRow = typeof generations.$inferSelect;
export type NewGenerationRow = typeof generations.$inferInsert;
export const schema = { generations };
