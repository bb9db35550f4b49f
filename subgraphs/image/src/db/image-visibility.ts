import { eq } from 'drizzle-orm';
import { runCommand } from '#lib/domain/index.js';
import type { ImageDb } from '../context.js';
import type { ImageVisibilityChangedData } from '../events/image-events.js';
import { imageCommand } from '../events/image-command.js';
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
  return runCommand(db, {
    ...imageCommand(id, write),
    // 'any': decided on the row read under the stream lock, so two changes at once serialize.
    expectedVersion: 'any',
    load: async (tx) => (await tx.select().from(images).where(eq(images.id, id)).for('update'))[0] ?? null,
    decide: (image) => {
      if (!image) return { events: [], outcome: null };
      allowed(image);
      if (image.visibility === visibility) return { events: [], outcome: image };
      const data: ImageVisibilityChangedData = { imageId: id, visibility };
      return { events: [{ type: 'ImageVisibilityChanged', data }], outcome: { ...image, visibility } };
    },
    answer: async (_tx, { outcome }) => outcome,
  });
}
