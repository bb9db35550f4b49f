import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AppDatabase } from '#lib/db/open-database.js';
import { eventConsumers, events, eventStreams } from '#lib/event-store/schema.js';
import { transactionTables } from '#lib/transactions/schema.js';
import type { Ability, AbilityScoreImprovement, Alignment, ArmorType, CharacterClass, FightingStyle, Race, Skill, WeaponType } from '../rules/index.js';

// The event store's tables live in this service's database, so events commit with the rows they explain.
export * from '#lib/event-store/schema.js';
// The hub's two-phase commit keeps its branch records and reservations here too, committed with the work.
export * from '#lib/transactions/schema.js';
// Mutations retried with their idempotency-key are answered from here instead of running twice.
export * from '#lib/subgraph/idempotency/schema.js';

/** One inventory line. Stored as jsonb on the character: see characters.inventory. */
export interface InventoryItem {
  name: string;
  quantity: number;
  /** Pounds per item. */
  weight: number;
  equipped: boolean;
  armor: ArmorType | null;
  /** The SRD weapon this item is; absent on items stored before weapons were modelled (read as null). */
  weapon?: WeaponType | null;
}

/**
 * A player character: only what the player chose or rolled. Everything derived (level, modifiers, AC,
 * hit point maximum, spell slots) is computed by src/rules on read, so a rules fix never needs a data migration.
 */
export const characters = pgTable(
  'characters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The user who owns the sheet (a user id from the auth token). */
    owner: text('owner').notNull(),
    name: text('name').notNull(),
    race: text('race').$type<Race>().notNull(),
    characterClass: text('class').$type<CharacterClass>().notNull(),
    subclass: text('subclass'),
    background: text('background'),
    alignment: text('alignment').$type<Alignment>(),
    // Base scores, before racial increases (which the rules add on read).
    strength: integer('strength').notNull(),
    dexterity: integer('dexterity').notNull(),
    constitution: integer('constitution').notNull(),
    intelligence: integer('intelligence').notNull(),
    wisdom: integer('wisdom').notNull(),
    charisma: integer('charisma').notNull(),
    abilityBonusChoices: jsonb('ability_bonus_choices').$type<Ability[]>().notNull().default([]),
    experience: integer('experience').notNull().default(0),
    /** Rolled hit dice for levels 2, 3, ...; levels without a roll use the fixed average. */
    hitPointRolls: jsonb('hit_point_rolls').$type<number[]>().notNull().default([]),
    currentHitPoints: integer('current_hit_points').notNull(),
    temporaryHitPoints: integer('temporary_hit_points').notNull().default(0),
    skillProficiencies: jsonb('skill_proficiencies').$type<Skill[]>().notNull().default([]),
    /**
     * jsonb, not a child table: the inventory belongs to one sheet, is always read and replaced with it, and is
     * never queried across characters. One row keeps the optimistic version check atomic and reads at one statement.
     */
    inventory: jsonb('inventory').$type<InventoryItem[]>().notNull().default([]),
    /** Skills whose proficiency bonus is doubled (rogue and bard Expertise); each also in skillProficiencies. */
    expertise: jsonb('expertise').$type<Skill[]>().notNull().default([]),
    fightingStyles: jsonb('fighting_styles').$type<FightingStyle[]>().notNull().default([]),
    abilityScoreImprovements: jsonb('ability_score_improvements').$type<AbilityScoreImprovement[]>().notNull().default([]),
    // Spells by their ids in src/rules: cantrips and spells known (or, for a wizard, the spellbook), and prepared.
    cantrips: jsonb('cantrips').$type<string[]>().notNull().default([]),
    spellsKnown: jsonb('spells_known').$type<string[]>().notNull().default([]),
    preparedSpells: jsonb('prepared_spells').$type<string[]>().notNull().default([]),
    spellbook: jsonb('spellbook').$type<string[]>().notNull().default([]),
    // Play state: what the table changes between rests.
    conditions: jsonb('conditions').$type<string[]>().notNull().default([]),
    exhaustion: integer('exhaustion').notNull().default(0),
    hitDiceSpent: integer('hit_dice_spent').notNull().default(0),
    /** Spent slots per spell level: index 0 is level 1. */
    spellSlotsSpent: jsonb('spell_slots_spent').$type<number[]>().notNull().default([]),
    pactSlotsSpent: integer('pact_slots_spent').notNull().default(0),
    /** Uses spent of features with limited uses (rage, ki...), by feature id. */
    featureUsesSpent: jsonb('feature_uses_spent').$type<Record<string, number>>().notNull().default({}),
    backstory: text('backstory'),
    /** An Image id of the image subgraph (federation contract); checked through the hub when set. */
    portraitImageId: uuid('portrait_image_id'),
    /**
     * The campaign whose party the character is in (campaign subgraph), set and cleared only by the hub's
     * joinParty / leaveParty transactions, so it always agrees with the campaign's party.
     */
    activeCampaignId: uuid('active_campaign_id'),
    version: integer('version').notNull().default(1),
    // Millisecond precision: the pagination cursor carries a JS Date, which has no microseconds.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    // The connection's sort order, and the same per owner (the usual "my characters" list).
    index('characters_created_at_id_idx').on(table.createdAt, table.id),
    index('characters_owner_created_at_id_idx').on(table.owner, table.createdAt, table.id),
    // Last line of defence behind input validation: SRD 5.1 scores range 1..30.
    check(
      'characters_ability_scores_range',
      sql`${table.strength} BETWEEN 1 AND 30 AND ${table.dexterity} BETWEEN 1 AND 30 AND ${table.constitution} BETWEEN 1 AND 30 AND ${table.intelligence} BETWEEN 1 AND 30 AND ${table.wisdom} BETWEEN 1 AND 30 AND ${table.charisma} BETWEEN 1 AND 30`,
    ),
    check('characters_experience_non_negative', sql`${table.experience} >= 0`),
    // SRD 5.1 exhaustion has six levels; spent hit dice and pact slots cannot be negative.
    check('characters_play_state_range', sql`${table.exhaustion} BETWEEN 0 AND 6 AND ${table.hitDiceSpent} >= 0 AND ${table.pactSlotsSpent} >= 0`),
    check('characters_hit_points_non_negative', sql`${table.currentHitPoints} >= 0 AND ${table.temporaryHitPoints} >= 0`),
  ],
);

/**
 * The secret seed of each character's next roll (fair dice, src/dice): drawn before the roll, its sha256 published as
 * Character.nextRollCommitment, revealed in the DiceRolled event once used, then replaced by the next. A table of its
 * own, not an event or a column of characters: an unrevealed seed is never in an event, a log, an error or a read
 * table a replay rebuilds. No foreign key to characters: a replay rewrites characters, and a seed must survive it.
 */
export const rollSeeds = pgTable(
  'roll_seeds',
  {
    characterId: uuid('character_id').primaryKey(),
    /** The character's roll number the seed serves: 0 for its first roll. */
    nonce: integer('nonce').notNull(),
    /** 32 bytes, hex. Never leaves this service before its roll. */
    seed: text('seed').notNull(),
    /** sha256(seed), hex: what is published before the roll. */
    commitment: text('commitment').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [check('roll_seeds_nonce_non_negative', sql`${table.nonce} >= 0`)],
);

export type RollSeedRow = typeof rollSeeds.$inferSelect;

export type CharacterRow = typeof characters.$inferSelect;
export type NewCharacterRow = typeof characters.$inferInsert;

export const schema = { characters, rollSeeds, events, eventStreams, eventConsumers, ...transactionTables };

export type CharacterDb = AppDatabase<typeof schema>;
