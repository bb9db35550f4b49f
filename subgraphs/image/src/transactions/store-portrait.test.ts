import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, readStream } from '#lib/event-store/index.js';
import { decide, prepare } from '../../../../tests/helpers/branch-protocol.js';
import { imageBlobs, txBranches } from '../db/schema.js';
import { imageStreamId } from '../events/image-events.js';
import { SAMPLE_GIF, samplePng } from '../testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from '../testing/image-test-server.js';

const IMAGE = 'query($id: ID!) { image(id: $id) { id ownerId kind mimeType width height byteSize sha256 prompt provider url } }';
const DELETE = 'mutation ($id: ID!) { deleteImage(input: { id: $id }) { deletedImageId } }';

let server: ImageTestServer;
beforeAll(async () => {
  server = await startImageTestServer();
});
afterAll(() => server?.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The image service's branch of setCharacterPortrait, prepared as the hub sends it (bytes as base64). */
function preparePortrait(bytes: Buffer, options: { imageId?: string; actor?: string; prompt?: string | null } = {}) {
  const imageId = options.imageId ?? randomUUID();
  const payload = { imageId, characterId: randomUUID(), prompt: options.prompt ?? null, dataBase64: bytes.toString('base64') };
  return prepare(server.client, { operation: 'storePortrait', payload, actor: options.actor ?? 'alice' }).then((outcome) => ({ ...outcome, imageId }));
}

async function blobExists(bytes: Buffer): Promise<boolean> {
  return (
    (
      await server.database.db
        .select({ sha256: imageBlobs.sha256 })
        .from(imageBlobs)
        .where(eq(imageBlobs.sha256, sha256(bytes)))
    ).length === 1
  );
}

async function imageOf(id: string) {
  return (await server.client.request(IMAGE, { id }, 'alice')).data?.image;
}

async function eventCount(): Promise<number> {
  const [row] = await server.database.db.select({ n: sql<number>`count(*)::int` }).from(events);
  return Number(row?.n);
}

describe('storePortrait (the image branch of setCharacterPortrait)', () => {
  it('prepare stages the bytes where nobody sees them; commit makes the image visible and served', async () => {
    const png = samplePng(6, 4, [1, 100, 200]);
    const before = await eventCount();
    const pending = await preparePortrait(png, { prompt: '  a dwarf  ' });
    expect(pending.errorCode).toBeUndefined();
    expect(pending.prepared).toEqual({ mimeType: 'image/png', width: 6, height: 4, byteSize: png.length, sha256: sha256(png) });
    expect(await blobExists(png)).toBe(true);
    expect(await imageOf(pending.imageId)).toBeNull();
    expect(await eventCount()).toBe(before);
    // The stored branch keeps what commit needs, not the upload itself.
    const [branch] = await server.database.db.select().from(txBranches).where(eq(txBranches.transactionId, pending.transactionId));
    expect(branch?.payload).toEqual({ imageId: pending.imageId, characterId: expect.any(String), prompt: 'a dwarf', sha256: sha256(png) });

    expect(await decide(server.client, pending.transactionId, 'commit')).toEqual({ state: 'COMMITTED' });
    const image = await imageOf(pending.imageId);
    expect(image).toMatchObject({
      id: pending.imageId,
      ownerId: 'alice',
      kind: 'PORTRAIT',
      mimeType: 'image/png',
      width: 6,
      height: 4,
      prompt: 'a dwarf',
      provider: 'upload',
    });
    const response = await server.client.get(image.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    const [stored] = await readStream(server.database.db, imageStreamId(pending.imageId));
    expect(stored).toMatchObject({
      type: 'ImageStored',
      metadata: { correlationId: pending.transactionId, causationId: pending.transactionId, userId: 'alice' },
    });
  });

  it('abort is the compensation: the staged bytes are removed and no image appears', async () => {
    const png = samplePng(5, 5, [9, 8, 7]);
    const before = await eventCount();
    const pending = await preparePortrait(png);
    expect(await blobExists(png)).toBe(true);
    expect(await decide(server.client, pending.transactionId, 'abort')).toEqual({ state: 'ABORTED' });
    expect(await blobExists(png)).toBe(false);
    expect(await imageOf(pending.imageId)).toBeNull();
    expect(await eventCount()).toBe(before);
    // Decided is decided: the aborted branch cannot commit any more.
    expect((await decide(server.client, pending.transactionId, 'commit')).errorCode).toBe('CONFLICT');
  });

  it('abort keeps bytes that an existing image already uses', async () => {
    const png = samplePng(3, 3, [50, 50, 50]);
    const uploaded = (await server.upload(png, { userId: 'bob' })).data!.uploadImage.image as { id: string; url: string };
    const pending = await preparePortrait(png);
    expect(await decide(server.client, pending.transactionId, 'abort')).toEqual({ state: 'ABORTED' });
    expect(await blobExists(png)).toBe(true);
    const response = await server.client.get(uploaded.url);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it('deleting another image with the same bytes while a portrait is prepared keeps the staged bytes for its commit', async () => {
    const png = samplePng(7, 2, [3, 1, 4]);
    const uploaded = (await server.upload(png, { userId: 'bob' })).data!.uploadImage.image as { id: string };
    const pending = await preparePortrait(png);
    expect((await server.client.request(DELETE, { id: uploaded.id }, 'bob')).data?.deleteImage).toEqual({ deletedImageId: uploaded.id });
    expect(await blobExists(png)).toBe(true);
    expect(await decide(server.client, pending.transactionId, 'commit')).toEqual({ state: 'COMMITTED' });
    const response = await server.client.get((await imageOf(pending.imageId)).url);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it('refuses bytes that are not an accepted image (BAD_USER_INPUT) and stages nothing', async () => {
    const refused = await preparePortrait(SAMPLE_GIF);
    expect(refused.errorCode).toBe('BAD_USER_INPUT');
    expect(await blobExists(SAMPLE_GIF)).toBe(false);
    expect(await server.database.db.select().from(txBranches).where(eq(txBranches.transactionId, refused.transactionId))).toEqual([]);
  });
});
