import { eq } from 'drizzle-orm';
import { recordEvents, streamVersion } from '#lib/event-store/index.js';
import type { ImageDb } from '../context.js';
import { imageStreamId, type ImageVisibilityChangedData } from '../events/image-events.js';
import { projection } from '../events/projection.js';
import { images, type ImageRow, type ImageVisibility } from './schema.js';
import type { WriteContext } from './image-store.js';

/**
 * Records ImageVisibilityChanged (its projection updates the row) once `allowed` agreed on the locked row, in one
 * transaction: the decision and the write see the same image, and two changes at once serialize. The same
 * visibility again records nothing. Answers the row as it now is, or null when there is no such image.
 */
export async function changeVisibility(
  db: ImageDb,
  id: string,
  visibility: ImageVisibility,
  write: WriteContext,
  /** Throws the refusal when the caller may not make this change to the locked row. */
  allowed: (image: ImageRow) => void,
): Promise<ImageRow | null> {
  return db.transaction(async (tx) => {
    const [image] = await tx.select().from(images).where(eq(images.id, id)).for('update');
    if (!image) return null;
    allowed(image);
    if (image.visibility === visibility) return image;
    const streamId = imageStreamId(id);
    await recordEvents(tx, projection, {
      streamId,
      expectedVersion: await streamVersion(tx, streamId),
      events: [{ type: 'ImageVisibilityChanged', data: { imageId: id, visibility } satisfies ImageVisibilityChangedData }],
      correlationId: write.correlationId,
      userId: write.userId,
    });
    return { ...image, visibility };
  });
}
