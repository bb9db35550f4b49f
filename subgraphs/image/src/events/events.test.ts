import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, verifyAllStreams } from '#lib/event-store/index.js';
import { SAMPLE_GIF, samplePng } from '../testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from '../testing/image-test-server.js';

const DELETE = 'mutation ($id: ID!) { deleteImage(input: { id: $id }) { deletedImageId } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: ImageTestServer;
beforeAll(async () => {
  server = await startImageTestServer({ maxBytes: 4096 });
});
afterAll(() => server?.close());

async function eventCount(): Promise<number> {
  const [row] = await server.database.db.select({ n: sql<number>`count(*)::int` }).from(events);
  return Number(row?.n);
}

function streamEvents(imageId: string) {
  return server.database.db
    .select()
    .from(events)
    .where(eq(events.streamId, `image-${imageId}`))
    .orderBy(asc(events.streamVersion));
}

async function uploadOk(bytes: Buffer, options: Parameters<ImageTestServer['upload']>[1] = {}) {
  const result = await server.upload(bytes, options);
  expect(result.errors).toBeUndefined();
  return result.data!.uploadImage.image as { id: string; createdAt: string; sha256: string; byteSize: number };
}

describe('image events', () => {
  it('records ImageStored then ImageDeleted on the image stream, without the bytes', async () => {
    const png = samplePng(4, 3, [10, 20, 30]);
    const image = await uploadOk(png, { kind: 'MAP', prompt: 'a small map', userId: 'alice' });

    const [stored] = await streamEvents(image.id);
    expect(stored).toMatchObject({ streamVersion: 1, type: 'ImageStored', metadata: { userId: 'alice' } });
    expect(stored!.data).toEqual({
      imageId: image.id,
      ownerId: 'alice',
      kind: 'MAP',
      mimeType: 'image/png',
      width: 4,
      height: 3,
      byteSize: png.length,
      sha256: image.sha256,
      prompt: 'a small map',
      provider: 'upload',
      campaignId: null,
      visibility: 'PUBLIC',
    });
    // The row's createdAt is the event's time, which is what lets a replay give it back unchanged.
    expect(new Date(image.createdAt)).toEqual(stored!.recordedAt);
    expect(stored!.metadata.correlationId).toMatch(UUID);

    const deleted = await server.client.request(DELETE, { id: image.id }, 'alice');
    expect(deleted.errors).toBeUndefined();
    const stream = await streamEvents(image.id);
    expect(stream.map((event) => [event.streamVersion, event.type])).toEqual([
      [1, 'ImageStored'],
      [2, 'ImageDeleted'],
    ]);
    expect(stream[1]!.data).toEqual({ imageId: image.id, ownerId: 'alice', sha256: image.sha256 });
    expect(stream[1]!.metadata).toMatchObject({ userId: 'alice' });
    expect(await verifyAllStreams(server.database.db)).toMatchObject({ ok: true });
  });

  it('appends nothing when a mutation fails', async () => {
    const image = await uploadOk(samplePng(2, 2, [1, 1, 1]), { userId: 'owner' });
    const before = await eventCount();
    const failures = [
      await server.upload(SAMPLE_GIF),
      await server.upload('not base64 at all!'),
      await server.upload(samplePng(1, 1), { prompt: 'x'.repeat(4001) }),
      await server.upload(samplePng(1, 1), { userId: null }),
      await server.client.request(DELETE, { id: image.id }, 'intruder'),
      await server.client.request(DELETE, { id: crypto.randomUUID() }, 'owner'),
      await server.client.request(DELETE, { id: image.id }, null),
    ];
    expect(failures.map((result) => result.errors?.[0]?.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'UNAUTHENTICATED',
    ]);
    expect(await eventCount()).toBe(before);
    expect(await streamEvents(image.id)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent deletes record ImageDeleted', async () => {
    const image = await uploadOk(samplePng(5, 1, [7, 7, 7]), { userId: 'owner' });
    const before = await eventCount();
    const results = await Promise.all([1, 2].map(() => server.client.request(DELETE, { id: image.id }, 'owner')));
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['NOT_FOUND', 'OK']);
    expect(await eventCount()).toBe(before + 1);
    expect((await streamEvents(image.id)).map((event) => event.type)).toEqual(['ImageStored', 'ImageDeleted']);
  });

  it('carries the x-request-id header into the event metadata as the correlation id', async () => {
    const input = { kind: 'TOKEN', dataBase64: samplePng(1, 2).toString('base64') };
    const upload = 'mutation ($input: UploadImageInput!) { uploadImage(input: $input) { image { id } } }';
    const traced = await server.client.request(upload, { input }, 'bob', { 'x-request-id': 'req-42 from the gateway' });
    const image = traced.data!.uploadImage.image as { id: string };
    const deleted = await server.client.request(DELETE, { id: image.id }, 'bob', { 'x-request-id': 'req-43' });
    expect(deleted.errors).toBeUndefined();
    expect((await streamEvents(image.id)).map((event) => event.metadata.correlationId)).toEqual(['req-42 from the gateway', 'req-43']);

    // An over-long header is not an id we can use: the write gets a fresh one instead.
    const untraced = await server.client.request(upload, { input }, 'bob', { 'x-request-id': 'r'.repeat(201) });
    const [event] = await streamEvents((untraced.data!.uploadImage.image as { id: string }).id);
    expect(event!.metadata.correlationId).toMatch(UUID);
  });
});
