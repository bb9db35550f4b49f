import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { Conflict, runCommandIn } from '#lib/domain/index.js';
import type { ImageDb } from '../context.js';
import type { ImageDeletedData, ImageStoredData } from '../events/image-events.js';
import { imageCommand } from '../events/image-command.js';
import { FOREIGN_KEY_VIOLATION, pgErrorCode } from './pg-error.js';
import { guardResources } from '#lib/transactions/index.js';
import { blobResource } from '../transactions/store-portrait.js';
import { imageBlobs, images, type ImageKind, type ImageRow } from './schema.js';

export interface WriteContext {
  /** The signed-in caller: the image's owner on upload, the deleter on delete. */
  userId: string;
  /** The request's correlation id, carried into every event's metadata. */
  correlationId: string;
}

/**
 * Stores the bytes (once per SHA-256) and records ImageStored, whose projection inserts the image row, in one
 * transaction. A concurrent delete can remove an unreferenced blob between our "already there" and the
 * projection's insert; the foreign key then fails and one retry stores the blob again.
 */
export async function insertImage(db: ImageDb, image: Omit<ImageStoredData, 'imageId' | 'ownerId'>, bytes: Buffer, write: WriteContext): Promise<ImageRow> {
  const data: ImageStoredData = { imageId: randomUUID(), ownerId: write.userId, ...image };
  const attempt = () =>
    db.transaction(async (tx) => {
      // The bytes first, in the same transaction: the projection's image row references them.
      await tx.insert(imageBlobs).values({ sha256: data.sha256, bytes }).onConflictDoNothing({ target: imageBlobs.sha256 });
      return runCommandIn(tx, {
        ...imageCommand(data.imageId, write),
        expectedVersion: 'no_stream',
        load: async () => null,
        decide: () => ({ events: [{ type: 'ImageStored', data }], outcome: undefined }),
        answer: async (inner) => {
          const [stored] = await inner.select().from(images).where(eq(images.id, data.imageId));
          if (!stored) throw new Error('ImageStored was recorded but its projection wrote no image row');
          return stored;
        },
      });
    });
  try {
    return await attempt();
  } catch (error) {
    if (pgErrorCode(error) !== FOREIGN_KEY_VIOLATION) throw error;
    return attempt();
  }
}

export type DeleteOutcome = 'deleted' | 'not_found' | 'forbidden';

/**
 * Records ImageDeleted for the caller's image (its projection deletes the row), then deletes the blob unless
 * another image still references the same bytes, in one transaction. The row is locked first so that the
 * ownership check, the stream version and the delete see the same image, and concurrent deletes serialize.
 * The blob is pruned here, not in the projection: blobs are the attachment store, not a read table, and a
 * replay never touches them (README, "Events and replay"). The blob delete runs in a savepoint: if a concurrent
 * upload of the same bytes has just referenced the blob, the foreign key refuses the delete, and keeping the
 * blob is exactly right.
 */
export async function deleteOwnedImage(db: ImageDb, id: string, write: WriteContext): Promise<DeleteOutcome> {
  return db.transaction(async (tx) => {
    const image = await runCommandIn(tx, {
      ...imageCommand(id, write),
      // Read under the stream lock: no other delete of this image can append in between.
      expectedVersion: 'any',
      load: async (inner) => {
        const [row] = await inner.select({ ownerId: images.ownerId, sha256: images.sha256 }).from(images).where(eq(images.id, id)).for('update');
        return row ?? null;
      },
      decide: (row) => {
        if (!row) return { events: [], outcome: 'not_found' as const };
        if (row.ownerId !== write.userId) return { events: [], outcome: 'forbidden' as const };
        const data: ImageDeletedData = { imageId: id, ownerId: row.ownerId, sha256: row.sha256 };
        return { events: [{ type: 'ImageDeleted', data }], outcome: 'deleted' as const };
      },
      answer: async (_inner, { state, outcome }) => ({ state, outcome }),
    });
    if (image.outcome !== 'deleted' || !image.state) return image.outcome;
    const { sha256 } = image.state;
    try {
      await tx.transaction(async (savepoint) => {
        // Bytes staged by a prepared setCharacterPortrait (same content) are about to be used: keep them.
        await guardResources(savepoint, [blobResource(sha256)]);
        await savepoint
          .delete(imageBlobs)
          .where(and(eq(imageBlobs.sha256, sha256), sql`not exists (select 1 from ${images} where ${images.sha256} = ${sha256})`));
      });
    } catch (error) {
      if (pgErrorCode(error) !== FOREIGN_KEY_VIOLATION && !isConflict(error)) throw error;
    }
    return 'deleted';
  });
}

export interface ImageListFilter {
  kind?: ImageKind | null | undefined;
  ownerId?: string | null | undefined;
  campaignId?: string | null | undefined;
  /** Which rows the caller may see (access/image-access.ts visibleTo). */
  visible: SQL;
}

export interface ImageCursor {
  /** createdAt, ISO-8601 (millisecond precision, as stored). */
  c: string;
  /** id, the tie-breaker between images created in the same millisecond. */
  i: string;
}

/** Images newest first after the cursor, limit + 1 rows (the extra one tells whether another page follows). */
export async function listImages(db: ImageDb, filter: ImageListFilter, limit: number, after: ImageCursor | null): Promise<ImageRow[]> {
  const conditions = filterConditions(filter);
  if (after) conditions.push(sql`(${images.createdAt}, ${images.id}) < (${after.c}::timestamptz, ${after.i}::uuid)`);
  return db
    .select()
    .from(images)
    .where(and(...conditions))
    .orderBy(desc(images.createdAt), desc(images.id))
    .limit(limit + 1);
}

export async function countImages(db: ImageDb, filter: ImageListFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(images)
    .where(and(...filterConditions(filter)));
  return Number(row?.count ?? 0);
}

function filterConditions(filter: ImageListFilter): SQL[] {
  const conditions: SQL[] = [filter.visible];
  if (filter.campaignId) conditions.push(eq(images.campaignId, filter.campaignId));
  if (filter.kind) conditions.push(eq(images.kind, filter.kind));
  if (filter.ownerId) conditions.push(eq(images.ownerId, filter.ownerId));
  return conditions;
}

export interface StoredBytes {
  /** Who may see them: a PUBLIC image's bytes are anyone's, any other's need an access token (http/image-access-token.ts). */
  visibility: ImageRow['visibility'];
  mimeType: string;
  sha256: string;
  byteSize: number;
  /** Absent when only the headers were asked for (HEAD). */
  bytes?: Buffer;
}

/** What GET /images/<id> serves: one statement joining the image to its blob. */
export async function readImageBytes(db: ImageDb, id: string): Promise<StoredBytes | null> {
  const [row] = await db
    .select({ visibility: images.visibility, mimeType: images.mimeType, sha256: images.sha256, byteSize: images.byteSize, bytes: imageBlobs.bytes })
    .from(images)
    .innerJoin(imageBlobs, eq(imageBlobs.sha256, images.sha256))
    .where(eq(images.id, id));
  return row ?? null;
}

/** What HEAD /images/<id> needs: the headers, without reading the bytes. */
export async function readImageHead(db: ImageDb, id: string): Promise<StoredBytes | null> {
  const [row] = await db
    .select({ visibility: images.visibility, mimeType: images.mimeType, sha256: images.sha256, byteSize: images.byteSize })
    .from(images)
    .where(eq(images.id, id));
  return row ?? null;
}

function isConflict(error: unknown): boolean {
  return error instanceof Conflict;
}
