import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageBlobs, images } from './db/schema.js';
import { SAMPLE_GIF, sampleJpeg, samplePng, sampleWebp } from './testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from './testing/image-test-server.js';
import { maxGraphqlBodyBytes } from './http/body-limit.js';

// Small, so that "too large" needs only a few KiB in the test.
const MAX_BYTES = 4096;

let server: ImageTestServer;
beforeAll(async () => {
  server = await startImageTestServer({ maxBytes: MAX_BYTES });
});
afterAll(() => server?.close());

async function rowCount(table: 'images' | 'image_blobs'): Promise<number> {
  const [row] = await server.database.db.select({ n: sql<number>`count(*)::int` }).from(table === 'images' ? images : imageBlobs);
  return Number(row?.n);
}

async function uploadOk(bytes: Buffer, options: Parameters<ImageTestServer['upload']>[1] = {}) {
  const result = await server.upload(bytes, options);
  expect(result.errors).toBeUndefined();
  return result.data!.uploadImage.image as Record<string, any>;
}

describe('uploadImage', () => {
  it('stores PNG, JPEG and WebP with the type and size read from the bytes', async () => {
    const png = samplePng(7, 5);
    const image = await uploadOk(png, { kind: 'TOKEN', prompt: 'a red square' });
    expect(image).toMatchObject({
      ownerId: 'user-1',
      kind: 'TOKEN',
      mimeType: 'image/png',
      width: 7,
      height: 5,
      byteSize: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
      prompt: 'a red square',
      provider: 'upload',
      url: `/images/${image.id}`,
    });
    expect(Date.parse(image.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    expect(await uploadOk(sampleJpeg(640, 480), { kind: 'SCENE' })).toMatchObject({ mimeType: 'image/jpeg', width: 640, height: 480 });
    expect(await uploadOk(sampleWebp(300, 200), { kind: 'MAP' })).toMatchObject({ mimeType: 'image/webp', width: 300, height: 200 });
  });

  it('refuses GIF, text and HTML behind a PNG signature, writing nothing', async () => {
    const before = await rowCount('images');
    const disguised = Buffer.concat([samplePng(1, 1).subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]);
    for (const bytes of [SAMPLE_GIF, Buffer.from('just some text, not an image'), disguised]) {
      const result = await server.upload(bytes);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataBase64' });
      expect(result.data).toBeNull();
    }
    expect(await rowCount('images')).toBe(before);
  });

  it('refuses invalid base64 with the field name', async () => {
    const result = await server.upload('iVBORw0KGgo!!!not base64');
    expect(result.errors?.[0]?.message).toMatch(/dataBase64 is not valid base64/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataBase64' });
  });

  it('refuses images over the size limit, and oversized text before decoding it', async () => {
    const big = samplePng(64, 64, [1, 2, 3]);
    const padded = Buffer.concat([big, Buffer.alloc(MAX_BYTES + 1 - big.length)]);
    const result = await server.upload(padded);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataBase64', maxBytes: MAX_BYTES });

    const huge = await server.upload('A'.repeat(MAX_BYTES * 2));
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxBytes: MAX_BYTES });
  });

  it('answers 413 to a request body larger than any legitimate upload, without reading it', async () => {
    const response = await fetch(server.client.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(maxGraphqlBodyBytes(MAX_BYTES)) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('stores identical bytes once, however many images use them', async () => {
    const bytes = samplePng(3, 3, [9, 9, 9]);
    const blobsBefore = await rowCount('image_blobs');
    const first = await uploadOk(bytes, { userId: 'user-1' });
    const second = await uploadOk(bytes, { userId: 'user-2', kind: 'TOKEN' });
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(await rowCount('image_blobs')).toBe(blobsBefore + 1);
  });

  it('requires a signed-in user', async () => {
    const result = await server.upload(samplePng(1, 1), { userId: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('deleteImage', () => {
  const DELETE = 'mutation ($id: ID!) { deleteImage(input: { id: $id }) { deletedImageId } }';

  it('lets only the owner delete, and keeps bytes another image still uses', async () => {
    const bytes = samplePng(2, 9, [4, 5, 6]);
    const mine = await uploadOk(bytes, { userId: 'owner' });
    const theirs = await uploadOk(bytes, { userId: 'someone-else' });
    const blobsWithBoth = await rowCount('image_blobs');

    const refused = await server.client.request(DELETE, { id: mine.id }, 'someone-else');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const deleted = await server.client.request(DELETE, { id: mine.id }, 'owner');
    expect(deleted.data?.deleteImage).toEqual({ deletedImageId: mine.id });
    expect(await rowCount('image_blobs')).toBe(blobsWithBoth);

    await server.client.request(DELETE, { id: theirs.id }, 'someone-else');
    expect(await rowCount('image_blobs')).toBe(blobsWithBoth - 1);

    const again = await server.client.request(DELETE, { id: mine.id }, 'owner');
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await server.client.request(DELETE, { id: 'not-a-uuid' }, 'owner');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await server.client.request(DELETE, { id: theirs.id }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
