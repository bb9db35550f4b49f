import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet } from '../../tests/helpers/raw-http.js';
import { imagePathOf } from './http/image-proxy.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';
import { FIREBALL_ETAG, FIREBALL_PNG } from './testing/spell-subgraphs.js';

describe('/images proxy to the image subgraph', () => {
  let fixture: GatewayFixture;
  beforeAll(async () => {
    fixture = await startGatewayFixture();
  });
  afterAll(() => fixture?.close());

  it('streams the bytes with the caching headers, and nothing else of the upstream headers', async () => {
    const response = await fetch(`${fixture.origin}/images/fireball.png`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(FIREBALL_PNG);
    expect(
      Object.fromEntries(
        ['content-type', 'content-length', 'etag', 'cache-control', 'last-modified', 'x-content-type-options'].map((h) => [h, response.headers.get(h)]),
      ),
    ).toEqual({
      'content-type': 'image/png',
      'content-length': String(FIREBALL_PNG.length),
      etag: FIREBALL_ETAG,
      'cache-control': 'public, max-age=31536000, immutable',
      'last-modified': 'Tue, 01 Oct 2024 10:00:00 GMT',
      'x-content-type-options': 'nosniff',
    });
    expect(response.headers.get('x-internal-debug')).toBeNull();
  });

  it('refuses with 400 every path that could leave /images/, as sent (a client library would normalise some)', async () => {
    const paths = [
      '/images/../metrics',
      '/images/%2e%2e/metrics',
      '/images/%2E%2e/metrics',
      '/images/.%2e/metrics',
      '/images/..%2fmetrics',
      '/images/..%5cmetrics',
      '/images/..\\metrics',
      '/images//etc/passwd',
      '/images/./fireball.png',
      '/images/a%00.png',
      '/images/x/../../graphql',
    ];
    for (const path of paths) {
      const { status, body } = await rawGet(fixture.origin, path);
      expect([path, status, (JSON.parse(body) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code]).toEqual([
        path,
        400,
        'BAD_USER_INPUT',
      ]);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${fixture.origin}/images/fireball.png`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(FIREBALL_PNG.length));
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it("passes the browser's If-None-Match so an unchanged image answers 304", async () => {
    const response = await fetch(`${fixture.origin}/images/fireball.png`, { headers: { 'if-none-match': FIREBALL_ETAG } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(FIREBALL_ETAG);
  });

  it("passes the image service's 404 for an unknown image", async () => {
    const response = await fetch(`${fixture.origin}/images/nothing.png`);
    expect(response.status).toBe(404);
  });

  it('refuses other methods with 405', async () => {
    const response = await fetch(`${fixture.origin}/images/fireball.png`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 503 SERVICE_UNAVAILABLE when the image service is down, and keeps serving', async () => {
    await fixture.subgraphs.image?.close();
    const response = await fetch(`${fixture.origin}/images/fireball.png`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The image service is unavailable (connection refused)', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect((await fetch(`${fixture.origin}/health`)).status).toBe(200);
  });
});

describe('a supergraph without an image subgraph', () => {
  let fixture: GatewayFixture;
  beforeAll(async () => {
    fixture = await startGatewayFixture({ withImage: false });
  });
  afterAll(() => fixture?.close());

  it('has no /images route (404) and still serves GraphQL', async () => {
    expect((await fetch(`${fixture.origin}/images/fireball.png`)).status).toBe(404);
    expect((await fixture.graphql('{ spells { name pages } }')).body.data?.spells).toHaveLength(2);
  });
});

describe('imagePathOf', () => {
  it('keeps a plain image path and its query, and refuses what would be normalised into another', () => {
    expect(imagePathOf('/images/fireball.png')).toBe('/images/fireball.png');
    expect(imagePathOf('/images/6f1c1f53-8a0e-4a50-9d43-59d7ab1fd2a1?v=2')).toBe('/images/6f1c1f53-8a0e-4a50-9d43-59d7ab1fd2a1?v=2');
    for (const bad of ['/metrics', '/images/..', '/images/%2E%2E/x', '/images/a\\b', '/imagesx/a']) expect([bad, imagePathOf(bad)]).toEqual([bad, null]);
  });
});
