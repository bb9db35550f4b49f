import type { ImageKind, ImageVisibility } from '../db/schema.js';

/**
 * The image service's events. One stream per image, `image-<imageId>`: an image is stored once and deleted
 * once, so a stream holds ImageStored, for a generated portrait ImageProvenanceRecorded, any number of
 * ImageVisibilityChanged, and at most ImageDeleted.
 *
 * The bytes are NOT in the events: they sit in the content-addressed `image_blobs` table, written by the upload
 * in the same transaction as ImageStored and named here by `sha256` (see README, "Events and replay").
 */
export interface ImageStoredData {
  imageId: string;
  ownerId: string;
  kind: ImageKind;
  /** Detected from the magic bytes, never taken from the client. */
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  /** Hex SHA-256 of the bytes: the key of their `image_blobs` row. */
  sha256: string;
  prompt: string | null;
  /** Who made the bytes: `upload` for a user's own file. */
  provider: string;
  /** Absent in events written before images belonged to campaigns: none. */
  campaignId?: string | null;
  /** Absent in events written before visibility existed: PUBLIC. */
  visibility?: ImageVisibility;
}

/** Who sees the image changed (a DM reveals a map to the party, or hides it again). */
export interface ImageVisibilityChangedData {
  imageId: string;
  visibility: ImageVisibility;
}

export interface ImageDeletedData {
  imageId: string;
  ownerId: string;
  /** The blob the image used, so that a consumer knows which bytes may have gone with it. */
  sha256: string;
}

/**
 * A stored image turned out to be an llm generation's (generatePortrait): the hub's setCharacterPortrait stores
 * portraits as uploads, so the image service records where the bytes came from right after, on the same stream.
 */
export interface ImageProvenanceRecordedData {
  imageId: string;
  /** The provider that drew it, as named in hub.yaml (e.g. `local`, `openai`): becomes the image's provider. */
  provider: string;
  model: string;
  /** The llm Generation that made the bytes. */
  generationId: string;
}

export type ImageEvent =
  | { type: 'ImageStored'; data: ImageStoredData }
  | { type: 'ImageDeleted'; data: ImageDeletedData }
  | { type: 'ImageProvenanceRecorded'; data: ImageProvenanceRecordedData }
  | { type: 'ImageVisibilityChanged'; data: ImageVisibilityChangedData };

export type ImageEventType = ImageEvent['type'];

export const IMAGE_EVENT_TYPES: readonly ImageEventType[] = ['ImageStored', 'ImageDeleted', 'ImageProvenanceRecorded', 'ImageVisibilityChanged'];

export function imageStreamId(imageId: string): string {
  return `image-${imageId}`;
}
