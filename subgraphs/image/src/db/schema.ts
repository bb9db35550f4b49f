import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.js';

/** The four uses an image has on the platform (GraphQL enum ImageKind). */
export const imageKind = pgEnum('image_kind', ['PORTRAIT', 'MAP', 'SCENE', 'TOKEN']);
export type ImageKind = (typeof imageKind.enumValues)[number];

/** Who sees an image (GraphQL enum Visibility, the campaign service's): anyone, the campaign's table, its DM. */
export const IMAGE_VISIBILITIES = ['PUBLIC', 'PARTY', 'DM_ONLY'] as const;
export type ImageVisibility = (typeof IMAGE_VISIBILITIES)[number];

/**
 * The bytes, content-addressed by their SHA-256 (hex): the same upload twice stores the bytes once.
 * Kept apart from `images` so that metadata queries (lists, DataLoaders) never drag bytea along.
 */
export const imageBlobs = pgTable('image_blobs', {
  sha256: text('sha256').primaryKey(),
  bytes: bytea('bytes').notNull(),
});

export const images = pgTable(
  'images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: text('owner_id').notNull(),
    kind: imageKind('kind').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    byteSize: integer('byte_size').notNull(),
    // No ON DELETE: a blob is deleted only once no image references it (see image-store.ts).
    sha256: text('sha256')
      .notNull()
      .references(() => imageBlobs.sha256),
    prompt: text('prompt'),
    provider: text('provider').notNull(),
    // The campaign the image belongs to (a map, a scene); null for a user's own images (portraits).
    campaignId: uuid('campaign_id'),
    // PUBLIC for every row written before visibility existed: all images were readable by anyone then.
    visibility: text('visibility').$type<ImageVisibility>().notNull().default('PUBLIC'),
    // Millisecond precision: the keyset cursor carries a JS Date (ms); microseconds would make rows sharing
    // a millisecond compare wrongly against the cursor and be skipped or repeated between pages.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    // Newest-first keyset pagination, unfiltered and filtered by owner or kind.
    index('images_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('images_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc()),
    index('images_kind_created_idx').on(table.kind, table.createdAt.desc(), table.id.desc()),
    // A campaign's images, for its table and its DM.
    index('images_campaign_created_idx').on(table.campaignId, table.createdAt.desc(), table.id.desc()),
    // Deleting an image asks whether another row still references the blob.
    index('images_sha256_idx').on(table.sha256),
  ],
);

export type ImageRow = typeof images.$inferSelect;
export type NewImageRow = typeof images.$inferInsert;

// The event store's tables (events, event_streams, event_consumers) live in this service's database, so that an
// image's events commit in the same transaction as its read row and its bytes.
export * from '#lib/event-store/schema.js';
// The hub's two-phase commit keeps its branch records and reservations here too, committed with the work.
export * from '#lib/transactions/schema.js';
// Mutations retried with their idempotency-key are answered from here instead of running twice.
export * from '#lib/subgraph/idempotency/schema.js';
