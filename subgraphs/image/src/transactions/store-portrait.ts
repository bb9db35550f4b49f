import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invalidInput, runCommandIn } from '#lib/domain/index.js';
import type { Transaction } from '#lib/event-store/index.js';
import { defineOperation, type Participant } from '#lib/transactions/index.js';
import type * as schema from '../db/schema.js';
import { imageBlobs, images } from '../db/schema.js';
import type { ImageStoredData } from '../events/image-events.js';
import { imageCommand } from '../events/image-command.js';
import type { ImageSettings } from '../settings.js';
import { decodeBase64Upload } from '../upload/decode-base64.js';
import { detectImage } from '../upload/detect-image.js';
import { MAX_PROMPT_LENGTH } from '../upload/limits.js';

type Tx = Transaction<typeof schema>;

const payloadSchema = z.object({
  imageId: z.uuid(),
  characterId: z.uuid(),
  prompt: z.string().nullable(),
  /** Present in the hub's call; dropped from the stored branch once the bytes are staged in image_blobs. */
  dataBase64: z.string().optional(),
  /** Present in the stored branch. */
  sha256: z.string().optional(),
});

interface StorePortraitPayload {
  imageId: string;
  characterId: string;
  prompt: string | null;
  bytes: Buffer | null;
  sha256: string;
}

/** What prepare found in the bytes: what ImageStored records at commit. */
type Detected = Pick<ImageStoredData, 'mimeType' | 'width' | 'height' | 'byteSize' | 'sha256'>;

/** A staged blob, reserved so that deleting another image with the same bytes does not remove it (image-store.ts). */
export const blobResource = (sha256: string) => `image-blob:${sha256}`;

/**
 * The image service's part of setCharacterPortrait. Prepare checks the bytes and stages them in image_blobs,
 * where nothing points at them yet (no image row, no event). Commit records ImageStored: the image appears.
 * Abort is the compensating step: the staged bytes are removed unless an image already uses them.
 */
export function imageParticipant(settings: ImageSettings): Participant<typeof schema> {
  function parse(payload: unknown): StorePortraitPayload {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw invalidInput('invalid transaction payload for storePortrait');
    const { imageId, characterId, dataBase64, sha256 } = parsed.data;
    const prompt = parsed.data.prompt?.trim() || null;
    if (prompt && prompt.length > MAX_PROMPT_LENGTH) throw invalidInput(`prompt is too long: at most ${MAX_PROMPT_LENGTH} characters`, { field: 'prompt' });
    if (dataBase64 !== undefined) {
      const bytes = decodeBase64Upload(dataBase64, settings.maxBytes);
      return { imageId, characterId, prompt, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
    if (!sha256) throw invalidInput('invalid transaction payload for storePortrait: no bytes');
    return { imageId, characterId, prompt, bytes: null, sha256 };
  }

  return {
    storePortrait: defineOperation<typeof schema, StorePortraitPayload, Detected>({
      parse,
      stored: ({ bytes: _bytes, ...rest }) => rest,
      resources: (payload) => [blobResource(payload.sha256)],
      async prepare(tx: Tx, payload) {
        if (!payload.bytes) throw invalidInput('storePortrait needs the image bytes');
        const { mimeType, width, height } = detectImage(payload.bytes);
        await tx.insert(imageBlobs).values({ sha256: payload.sha256, bytes: payload.bytes }).onConflictDoNothing({ target: imageBlobs.sha256 });
        return { mimeType, width, height, byteSize: payload.bytes.length, sha256: payload.sha256 };
      },
      async commit(tx: Tx, payload, detected, info) {
        const data: ImageStoredData = {
          imageId: payload.imageId,
          ownerId: info.actor ?? '',
          kind: 'PORTRAIT',
          ...detected,
          prompt: payload.prompt,
          provider: 'upload',
        };
        await runCommandIn(tx, {
          ...imageCommand(payload.imageId, { correlationId: info.transactionId, causationId: info.transactionId, userId: info.actor }),
          expectedVersion: 'no_stream',
          load: async () => null,
          decide: () => ({ events: [{ type: 'ImageStored', data }], outcome: undefined }),
          answer: async () => undefined,
        });
      },
      async abort(tx: Tx, payload) {
        await tx
          .delete(imageBlobs)
          .where(and(eq(imageBlobs.sha256, payload.sha256), sql`not exists (select 1 from ${images} where ${images.sha256} = ${payload.sha256})`));
      },
    }),
  };
}
