import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { eventStoreTables } from '#lib/event-store/schema.js';
import { transactionTables } from '#lib/transactions/schema.js';

// The event store lives in this service's database: events commit in the same transaction as the read tables.
export * from '#lib/event-store/schema.js';
// The hub's two-phase commit keeps its branch records and reservations here too, committed with the work.
export * from '#lib/transactions/schema.js';
// Mutations retried with their idempotency-key are answered from here instead of running twice.
export * from '#lib/subgraph/idempotency/schema.js';

export const CAMPAIGN_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export const CAMPAIGN_ROLES = ['DM', 'PLAYER'] as const;
export const MEMBER_STATUSES = ['INVITED', 'ACTIVE'] as const;
export const VISIBILITIES = ['PUBLIC', 'PARTY', 'DM_ONLY'] as const;
export const SESSION_STATUSES = ['SCHEDULED', 'PLAYED'] as const;
export const QUEST_STATUSES = ['OPEN', 'COMPLETED', 'FAILED'] as const;

export type Visibility = (typeof VISIBILITIES)[number];

/** A CHECK that keeps a text column inside its GraphQL enum, whichever client writes the row. */
function oneOf(name: string, column: string, values: readonly string[]) {
  return check(name, sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`));
}

// Millisecond precision: JavaScript dates (and so keyset cursors) carry milliseconds; microseconds would make
// a cursor compare unequal to the row it came from.
const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    setting: text('setting'),
    description: text('description'),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('ACTIVE'),
    dungeonMasterId: text('dungeon_master_id').notNull(),
    // The last session number handed out: scheduleSession reads it under the campaign's stream lock and records
    // SessionScheduled with the next number; the projection stores that number here.
    sessionCount: integer('session_count').notNull().default(0),
    createdAt: moment('created_at').notNull().defaultNow(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  () => [oneOf('campaigns_status_check', 'status', CAMPAIGN_STATUSES)],
);

export const campaignMembers = pgTable(
  'campaign_members',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    role: text('role', { enum: CAMPAIGN_ROLES }).notNull(),
    status: text('status', { enum: MEMBER_STATUSES }).notNull(),
    invitedAt: moment('invited_at').notNull().defaultNow(),
    joinedAt: moment('joined_at'),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.userId] }),
    // Query.campaigns starts from the caller's memberships.
    index('campaign_members_user_idx').on(t.userId),
    oneOf('campaign_members_role_check', 'role', CAMPAIGN_ROLES),
    oneOf('campaign_members_status_check', 'status', MEMBER_STATUSES),
  ],
);

export const partyCharacters = pgTable(
  'party_characters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    characterId: uuid('character_id').notNull(),
    // Copied from the character service when added: removing needs it, and no service reads another's tables.
    ownerId: text('owner_id').notNull(),
    addedAt: moment('added_at').notNull().defaultNow(),
    // Set when the character leaves (removed, or the campaign archived); kept as history.
    leftAt: moment('left_at'),
  },
  (t) => [
    // A character is in at most one active party: the database decides, so two concurrent adds cannot both win.
    uniqueIndex('party_characters_active_character_uq')
      .on(t.characterId)
      .where(sql`left_at IS NULL`),
    index('party_characters_campaign_idx').on(t.campaignId),
  ],
);

export const gameSessions = pgTable(
  'game_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('SCHEDULED'),
    scheduledFor: moment('scheduled_for'),
    playedAt: moment('played_at'),
    recap: text('recap'),
    dmNotes: text('dm_notes'),
    xpAwarded: integer('xp_awarded'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('game_sessions_campaign_number_uq').on(t.campaignId, t.number),
    oneOf('game_sessions_status_check', 'status', SESSION_STATUSES),
    check('game_sessions_xp_check', sql`xp_awarded IS NULL OR xp_awarded >= 0`),
  ],
);

export const npcs = pgTable(
  'npcs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('DM_ONLY'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [index('npcs_campaign_idx').on(t.campaignId), oneOf('npcs_visibility_check', 'visibility', VISIBILITIES)],
);

export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('DM_ONLY'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [index('locations_campaign_idx').on(t.campaignId), oneOf('locations_visibility_check', 'visibility', VISIBILITIES)],
);

export const quests = pgTable(
  'quests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: QUEST_STATUSES }).notNull().default('OPEN'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('DM_ONLY'),
    createdAt: moment('created_at').notNull().defaultNow(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('quests_campaign_idx').on(t.campaignId),
    oneOf('quests_status_check', 'status', QUEST_STATUSES),
    oneOf('quests_visibility_check', 'visibility', VISIBILITIES),
  ],
);

/** Adventure hooks the llm wrote for the dungeon master (generatePlotHooks): each generation adds its hooks. */
export const plotHooks = pgTable(
  'plot_hooks',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The llm Generation that wrote the hook. */
    generationId: text('generation_id').notNull(),
    /** 1-based order of the hook within its generation. */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [index('plot_hooks_campaign_idx').on(t.campaignId, t.createdAt)],
);

export const schema = {
  campaigns,
  campaignMembers,
  partyCharacters,
  gameSessions,
  npcs,
  locations,
  quests,
  plotHooks,
  ...eventStoreTables,
  ...transactionTables,
};
export type CampaignSchema = typeof schema;

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignMemberRow = typeof campaignMembers.$inferSelect;
export type PartyCharacterRow = typeof partyCharacters.$inferSelect;
export type GameSessionRow = typeof gameSessions.$inferSelect;
export type PlotHookRow = typeof plotHooks.$inferSelect;
export type NpcRow = typeof npcs.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type QuestRow = typeof quests.$inferSelect;

/** A character as this service knows it: only its id; the character service resolves the rest. */
export interface CharacterReference {
  id: string;
}
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type QuestStatus = (typeof QUEST_STATUSES)[number];
