import { and, eq, gt } from 'drizzle-orm';
import type { Projection, StoredEvent, Transaction } from '#lib/event-store/index.js';
import { events } from '#lib/event-store/schema.js';
import type * as schema from '../db/schema.js';
import { imageBlobs, images } from '../db/schema.js';
import type { ImageDeletedData, ImageEvent, ImageStoredData } from './image-events.js';

type ImageTx = Transaction<typeof schema>;

/**
 * Builds `images` from the image events. `image_blobs` is not a read table: it is the attachment store that
 * uploads write and deletes prune (README, "Events and replay"), so a replay leaves it as it is.
 */
export const projection: Projection<typeof schema> = {
  readTables: [images],
  async apply(tx, stored) {
    // Cast: jsonb data comes back as unknown; the writers (image-store.ts) are the only source of these types.
    const event = { type: stored.type, data: stored.data } as ImageEvent;
    switch (event.type) {
      case 'ImageStored':
        return applyStored(tx, stored, event.data);
      case 'ImageDeleted':
        return applyDeleted(tx, event.data);
      case 'ImageProvenanceRecorded':
        // No row when the image was deleted before a replay reached here: nothing to update then.
        await tx.update(images).set({ provider: event.data.provider }).where(eq(images.id, event.data.imageId));
        return;
      case 'ImageVisibilityChanged':
        await tx.update(images).set({ visibility: event.data.visibility }).where(eq(images.id, event.data.imageId));
        return;
      default:
        // An unknown type is a newer writer or corruption: failing makes a replay leave the tables untouched.
        throw new Error(`image projection: unknown event type "${stored.type}" at position ${stored.globalPosition}`);
    }
  },
};

async function applyStored(tx: ImageTx, stored: StoredEvent, data: ImageStoredData): Promise<void> {
  // During a replay, the bytes of an image that was later deleted may be gone (its delete pruned the blob). Such
  // an image is absent from the rebuilt table anyway, so it is skipped instead of breaking the foreign key. Only
  // when its own stream says it was deleted: otherwise the insert runs and the foreign key fails, which is what a
  // live upload racing a blob delete relies on to retry (image-store.ts).
  if (!(await blobExists(tx, data.sha256)) && (await deletedLater(tx, stored))) return;
  await tx.insert(images).values({
    id: data.imageId,
    ownerId: data.ownerId,
    kind: data.kind,
    mimeType: data.mimeType,
    width: data.width,
    height: data.height,
    byteSize: data.byteSize,
    sha256: data.sha256,
    prompt: data.prompt,
    provider: data.provider,
    campaignId: data.campaignId ?? null,
    visibility: data.visibility ?? 'PUBLIC',
    // The time of the event, never the clock: a replay gives every row the createdAt it had.
    createdAt: stored.recordedAt,
  });
}

async function applyDeleted(tx: ImageTx, data: ImageDeletedData): Promise<void> {
  await tx.delete(images).where(eq(images.id, data.imageId));
}

async function blobExists(tx: ImageTx, sha256: string): Promise<boolean> {
  const [row] = await tx.select({ sha256: imageBlobs.sha256 }).from(imageBlobs).where(eq(imageBlobs.sha256, sha256));
  return row !== undefined;
}

async function deletedLater(tx: ImageTx, stored: StoredEvent): Promise<boolean> {
  const [row] = await tx
    .select({ position: events.globalPosition })
    .from(events)
    .where(and(eq(events.streamId, stored.streamId), gt(events.streamVersion, stored.streamVersion), eq(events.type, 'ImageDeleted')))
    .limit(1);
  return row !== undefined;
}
