import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng, sampleWebp } from '../testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from '../testing/image-test-server.js';
import { matchesIfNoneMatch } from './image-route.js';

let server: ImageTestServer;
const png = samplePng(16, 8, [10, 200, 40]);
let image: { id: string; sha256: string; url: string };

beforeAll(async () => {
  server = await startImageTestServer();
  image = (await server.upload(png)).data!.uploadImage.image;
});
afterAll(() => server?.close());

const get = (path: string, init?: { method?: string; headers?: Record<string, string> }) => server.client.get(path, 'user-1', init);

describe('GET /images/<id>', () => {
  it('serves the exact bytes with type, length, ETag and immutable caching, in one SQL statement', async () => {
    const before = server.database.stats.statements;
    const response = await get(image.url);
    expect(server.database.stats.statements - before).toBe(1);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      etag: `"${image.sha256}"`,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  it('serves WebP with its own type, not the first one it saw', async () => {
    const webp = (await server.upload(sampleWebp(40, 30), { kind: 'MAP' })).data!.uploadImage.image;
    const response = await get(webp.url);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sampleWebp(40, 30));
  });

  it('answers 304 without a body when the ETag matches', async () => {
    for (const ifNoneMatch of [`"${image.sha256}"`, `W/"${image.sha256}"`, `"other", "${image.sha256}"`, '*']) {
      const response = await get(image.url, { headers: { 'if-none-match': ifNoneMatch } });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(`"${image.sha256}"`);
      expect(await response.text()).toBe('');
    }
    const stale = await get(image.url, { headers: { 'if-none-match': '"0000"' } });
    expect(stale.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get(image.url, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(png.length));
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await response.text()).toBe('');
  });

  it('answers 404 JSON for an unknown or malformed id, and 405 for other methods', async () => {
    for (const path of ['/images/00000000-0000-4000-8000-000000000000', '/images/not-an-id', '/images/', `/images/${image.id}/x`]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
    const post = await get(image.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 404 once the image is deleted', async () => {
    const doomed = (await server.upload(samplePng(2, 2, [1, 1, 1]))).data!.uploadImage.image;
    expect((await get(doomed.url)).status).toBe(200);
    await server.client.request('mutation ($id: ID!) { deleteImage(input: { id: $id }) { deletedImageId } }', { id: doomed.id });
    expect((await get(doomed.url)).status).toBe(404);
  });
});

describe('matchesIfNoneMatch', () => {
  it('compares entity tags weakly and ignores absent headers', () => {
    expect(matchesIfNoneMatch(undefined, '"a"')).toBe(false);
    expect(matchesIfNoneMatch('"b"', '"a"')).toBe(false);
    expect(matchesIfNoneMatch(' W/"a" ', '"a"')).toBe(true);
  });
});
