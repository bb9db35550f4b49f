import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ImageDb } from '../context.js';
import { FOREIGN_KEY_VIOLATION, pgErrorCode } from './pg-error.js';
import { imageBlobs, images, type ImageKind, type ImageRow, type NewImageRow } from './schema.js';

/**
 * Stores the bytes (once per SHA-256) and the image row in one transaction.
 * A concurrent delete can remove an unreferenced blob between our "already there" and our image insert; the
 * foreign key then fails and one retry stores the blob again.
 */
export async function insertImage(db: ImageDb, row: Omit<NewImageRow, 'id' | 'createdAt'>, bytes: Buffer): Promise<ImageRow> {
  const attempt = () =>
    db.transaction(async (tx) => {
      await tx.insert(imageBlobs).values({ sha256: row.sha256, bytes }).onConflictDoNothing({ target: imageBlobs.sha256 });
      const [inserted] = await tx.insert(images).values(row).returning();
      if (!inserted) throw new Error('INSERT ... RETURNING returned no row');
      return inserted;
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
 * Deletes the caller's image, then its blob unless another image still references the same bytes, in one
 * transaction. The row is locked first so that the ownership check and the delete see the same row.
 * The blob delete runs in a savepoint: if a concurrent upload of the same bytes has just referenced the blob,
 * the foreign key refuses the delete, and keeping the blob is exactly right.
 */
export async function deleteOwnedImage(db: ImageDb, id: string, userId: string): Promise<DeleteOutcome> {
  return db.transaction(async (tx) => {
    const [image] = await tx
      .select({ ownerId: images.ownerId, sha256: images.sha256 })
      .from(images)
      .where(eq(images.id, id))
      .for('update');
    if (!image) return 'not_found';
    if (image.ownerId !== userId) return 'forbidden';
    await tx.delete(images).where(eq(images.id, id));
    try {
      await tx.transaction(async (savepoint) => {
        await savepoint
          .delete(imageBlobs)
          .where(
            and(
              eq(imageBlobs.sha256, image.sha256),
              sql`not exists (select 1 from ${images} where ${images.sha256} = ${image.sha256})`,
            ),
          );
      });
    } catch (error) {
      if (pgErrorCode(error) !== FOREIGN_KEY_VIOLATION) throw error;
    }
    return 'deleted';
  });
}

export interface ImageListFilter {
  kind?: ImageKind | null | undefined;
  ownerId?: string | null | undefined;
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
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(images.kind, filter.kind));
  if (filter.ownerId) conditions.push(eq(images.ownerId, filter.ownerId));
  return conditions;
}

export interface StoredBytes {
  mimeType: string;
  sha256: string;
  byteSize: number;
  /** Absent when only the headers were asked for (HEAD). */
  bytes?: Buffer;
}

/** What GET /images/<id> serves: one statement joining the image to its blob. */
export async function readImageBytes(db: ImageDb, id: string): Promise<StoredBytes | null> {
  const [row] = await db
    .select({ mimeType: images.mimeType, sha256: images.sha256, byteSize: images.byteSize, bytes: imageBlobs.bytes })
    .from(images)
    .innerJoin(imageBlobs, eq(imageBlobs.sha256, images.sha256))
    .where(eq(images.id, id));
  return row ?? null;
}

/** What HEAD /images/<id> needs: the headers, without reading the bytes. */
export async function readImageHead(db: ImageDb, id: string): Promise<StoredBytes | null> {
  const [row] = await db
    .select({ mimeType: images.mimeType, sha256: images.sha256, byteSize: images.byteSize })
    .from(images)
    .where(eq(images.id, id));
  return row ?? null;
}
