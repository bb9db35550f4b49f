import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { events, replayProjection, verifyAllStreams } from '#lib/event-store/index.js';
import { imageBlobs, images } from '../db/schema.js';
import { SAMPLE_GIF, sampleJpeg, samplePng, sampleWebp } from '../testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from '../testing/image-test-server.js';
import { projection } from './projection.js';
import { mulberry32 } from '#lib/random/prng.js';
import { decide, prepare } from '../../../../tests/helpers/branch-protocol.js';

// Fixed so that a failure reproduces; IMAGE_REPLAY_SEED=<n> explores other histories.
const SEED = Number(process.env.IMAGE_REPLAY_SEED ?? 20261125);
// Enough steps that every kind of step happens many times (uploads, portraits committed and aborted, shared bytes,
// pruned blobs, refusals, races).
const STEPS = 200;
const USERS = ['ana', 'bo', 'cy', 'dee'];
const KINDS = ['PORTRAIT', 'MAP', 'SCENE', 'TOKEN'];
// Few distinct contents, so that images share blobs and deletes both keep and prune them.
const CONTENTS = [samplePng(3, 2, [200, 0, 0]), samplePng(1, 1, [0, 90, 0]), sampleJpeg(640, 480), sampleWebp(32, 16), samplePng(8, 8, [1, 2, 3])];
// A quarter of the prepared portraits abort (as if the character's branch failed): they must leave no image behind.
const ABORT_RATE = 0.25;
const DELETE = 'mutation ($id: ID!) { deleteImage(input: { id: $id }) { deletedImageId } }';

let server: ImageTestServer;
beforeAll(async () => {
  server = await startImageTestServer();
});
afterAll(() => server?.close());

const snapshotImages = () => server.database.db.select().from(images).orderBy(asc(images.id));
const blobKeys = async () =>
  (await server.database.db.select({ sha256: imageBlobs.sha256 }).from(imageBlobs).orderBy(asc(imageBlobs.sha256))).map((row) => row.sha256);

it(`rebuilds the same images table from a random history (seed ${SEED})`, { timeout: 240_000 }, async () => {
  const random = mulberry32(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const live = new Map<string, string>(); // image id -> owner
  const gone: string[] = [];
  const outcomes = new Map<string, number>();
  const expectCode = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }, code: string) => {
    expect(result.errors?.[0]?.extensions?.code ?? 'OK').toBe(code);
    outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
  };
  const upload = async (userId: string) => {
    const prompt = random() < 0.5 ? `prompt ${Math.floor(random() * 1000)}` : undefined;
    // Mostly shared contents (blobs kept by a delete), sometimes bytes of their own (blobs pruned by a delete).
    const colour = (): number => Math.floor(random() * 256);
    const bytes = random() < 0.3 ? samplePng(2, 2, [colour(), colour(), colour()]) : pick(CONTENTS);
    const result = await server.upload(bytes, { userId, kind: pick(KINDS), prompt });
    expectCode(result, 'OK');
    live.set((result.data!.uploadImage.image as { id: string }).id, userId);
  };
  // The image branch of the hub's setCharacterPortrait: staged at prepare, then committed (the image appears) or
  // aborted (the staged bytes are removed unless an image uses them).
  const portrait = async (userId: string) => {
    const imageId = randomUUID();
    const payload = { imageId, characterId: randomUUID(), prompt: null, dataBase64: pick(CONTENTS).toString('base64') };
    const prepared = await prepare(server.client, { operation: 'storePortrait', payload, actor: userId });
    expect(prepared.errorCode).toBeUndefined();
    const decision = random() < ABORT_RATE ? 'abort' : 'commit';
    expect(await decide(server.client, prepared.transactionId, decision)).toEqual({ state: decision === 'commit' ? 'COMMITTED' : 'ABORTED' });
    if (decision === 'commit') live.set(imageId, userId);
    const label = decision === 'commit' ? 'PORTRAIT' : 'PORTRAIT_ABORTED';
    outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
  };
  const remove = async (id: string, userId: string) => {
    const result = await server.client.request(DELETE, { id }, userId);
    if (!result.errors) {
      live.delete(id);
      gone.push(id);
    }
    return result;
  };

  for (let step = 0; step < STEPS; step++) {
    const roll = random();
    const ids = [...live.keys()];
    if (roll < 0.37 || ids.length === 0) {
      await upload(pick(USERS));
    } else if (roll < 0.45) {
      await portrait(pick(USERS));
    } else if (roll < 0.7) {
      const id = pick(ids);
      expectCode(await remove(id, live.get(id)!), 'OK');
    } else if (roll < 0.78) {
      const id = pick(ids);
      expectCode(await remove(id, pick(USERS.filter((user) => user !== live.get(id)))), 'FORBIDDEN');
    } else if (roll < 0.83 && gone.length > 0) {
      const id = pick(gone);
      expectCode(await remove(id, pick(USERS)), 'NOT_FOUND');
    } else if (roll < 0.88) {
      expectCode(await server.upload(SAMPLE_GIF, { userId: pick(USERS) }), 'BAD_USER_INPUT');
    } else if (roll < 0.94) {
      // Two deletes of one image race: the row lock lets exactly one record ImageDeleted.
      const id = pick(ids);
      const owner = live.get(id)!;
      const results = await Promise.all([remove(id, owner), remove(id, owner)]);
      const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['NOT_FOUND', 'OK']);
      outcomes.set('RACE', (outcomes.get('RACE') ?? 0) + 1);
    } else {
      // A delete races an upload (possibly of the same bytes, whose blob the delete may prune).
      const id = pick(ids);
      const [deleted] = await Promise.all([remove(id, live.get(id)!), upload(pick(USERS))]);
      expectCode(deleted, 'OK');
    }
  }

  // The history really exercised what replay must get right.
  for (const code of ['OK', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'RACE', 'PORTRAIT', 'PORTRAIT_ABORTED'])
    expect(outcomes.get(code), code).toBeGreaterThan(0);
  const before = await snapshotImages();
  expect(before.map((row) => row.id).sort()).toEqual([...live.keys()].sort());
  const blobsBefore = await blobKeys();
  // Some deleted images' bytes were pruned: their ImageStored must replay without its blob.
  const [pruned] = await server.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(events)
    .where(sql`${events.type} = 'ImageStored' and not exists (select 1 from ${imageBlobs} where ${imageBlobs.sha256} = ${events.data}->>'sha256')`);
  expect(Number(pruned?.n)).toBeGreaterThan(0);

  const result = await replayProjection(server.database.db, projection);
  expect(result.events).toBeGreaterThan(STEPS / 2);
  expect(await snapshotImages()).toEqual(before);
  // Blobs are the attachment store, not a read table: a replay leaves them exactly as they were...
  expect(await blobKeys()).toEqual(blobsBefore);
  // ...and every image still has its bytes.
  const shas = [...new Set(before.map((row) => row.sha256))];
  expect(shas.length).toBeGreaterThan(0);
  for (const sha of shas) expect(blobsBefore, sha).toContain(sha);
  expect(await verifyAllStreams(server.database.db)).toMatchObject({ ok: true });

  // Replaying again is idempotent: the rebuilt table is the rebuilt table.
  await replayProjection(server.database.db, projection);
  expect(await snapshotImages()).toEqual(before);
});
