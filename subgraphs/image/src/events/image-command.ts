import type { Command } from '#lib/domain/index.js';
import type * as schema from '../db/schema.js';
import { imageStreamId } from './image-events.js';
import { projection } from './projection.js';

/** Who writes: carried into every event's metadata. */
export interface ImageWriteMetadata {
  correlationId: string;
  causationId?: string;
  userId: string | null;
}

/**
 * The image-specific part of every image write's command (lib/domain runCommand): its stream, its projection, the
 * request's ids. Each write adds its expected version, load, decide and answer.
 */
export function imageCommand(
  imageId: string,
  metadata: ImageWriteMetadata,
): Pick<Command<typeof schema, never, never, never>, 'streamId' | 'entity' | 'projection' | 'metadata'> {
  return { streamId: imageStreamId(imageId), entity: 'image', projection, metadata };
}
