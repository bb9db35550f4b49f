import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { TEST_SECRET } from '../../../tests/helpers/subgraph-client.js';
import { subscribeOverSse } from '../../../tests/helpers/subscriptions.js';
import { samplePng } from './testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from './testing/image-test-server.js';

let server: ImageTestServer;
beforeAll(async () => {
  server = await startImageTestServer();
});
afterAll(() => server.close());

const EVENTS = `subscription($streamId: String, $type: String) {
  imageEvents(streamId: $streamId, type: $type) { streamId version type data image { id width height } }
}`;
const DELETE = 'mutation($input: DeleteImageInput!) { deleteImage(input: $input) { deletedImageId } }';

const subscribe = (variables: Record<string, unknown> = {}, userId = 'viewer') =>
  subscribeOverSse(server.client.url, { query: EVENTS, variables }, (body: string) => signedFor(TEST_SECRET, 'image', { userId }, { body }));

describe('Subscription.imageEvents', () => {
  it('delivers ImageStored with the image, then ImageDeleted once it is gone', async () => {
    const stored = subscribe({ type: 'ImageStored' });
    await stored.connected;
    const uploaded = await server.upload(samplePng(16, 8), { userId: 'painter' });
    const id = uploaded.data?.uploadImage.image.id;
    expect((await stored.next()).data?.imageEvents).toMatchObject({
      streamId: `image-${id}`,
      version: 1,
      type: 'ImageStored',
      data: { imageId: id, ownerId: 'painter', mimeType: 'image/png', width: 16, height: 8 },
      image: { id, width: 16, height: 8 },
    });
    stored.dispose();

    const stream = subscribe({ streamId: `image-${id}` });
    await stream.connected;
    await server.client.request(DELETE, { input: { id } }, 'painter');
    expect((await stream.next()).data?.imageEvents).toMatchObject({ type: 'ImageDeleted', version: 2, image: null });
    stream.dispose();
  });

  it('refuses a stream id of another service with BAD_USER_INPUT', async () => {
    const wrong = subscribe({ streamId: 'character-6f1c1f53-8a0e-4a50-9d43-59d7ab1fd2a1' });
    expect((await wrong.next()).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'streamId' });
  });
});
