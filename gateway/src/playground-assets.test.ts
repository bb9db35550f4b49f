import { brotliDecompressSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundAssets, contentHash, PLAYGROUND_ASSETS_PREFIX, type GraphiqlParts } from './http/playground-assets.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

// What a repeat visit may cost: the brief's budget, against about 2 MB for a first one. A repeat visit is the page
// revalidated (a 304, or the page again when its demo token was renewed) and every asset from the browser's cache.
const REPEAT_VISIT_BUDGET = 50_000;
const BROWSER = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };
const ASSET_URL = /\/playground\/assets\/[a-z.]+\.[0-9a-f]{16}\.(?:js|css|ico)/g;

let fixture: GatewayFixture;
beforeAll(async () => {
  fixture = await startGatewayFixture({ secretEmbedded: true });
});
afterAll(async () => fixture?.close());

async function get(path: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' | 'POST' = 'GET') {
  const response = await request(`${fixture.origin}${path}`, { method, headers });
  return { status: response.statusCode, headers: response.headers, body: Buffer.from(await response.body.arrayBuffer()) };
}

describe('the content hash of a playground asset', () => {
  it('is the start of the sha256 of its bytes, so other content gets another name', () => {
    expect(contentHash(Buffer.from('abc'))).toBe('ba7816bf8f01cfea');
    const parts: GraphiqlParts = {
      js: 'one()',
      css: 'a{}',
      favicon: `data:image/x-icon;base64,${Buffer.from('icon').toString('base64')}`,
      editorWorkerService: 'e()',
      jsonWorker: 'j()',
      graphqlWorker: 'g()',
    };
    const before = buildPlaygroundAssets(parts).urls;
    const after = buildPlaygroundAssets({ ...parts, js: 'two()' }).urls;
    expect(after.script).not.toBe(before.script);
    expect(after.style).toBe(before.style);
    expect(before.script).toBe(`${PLAYGROUND_ASSETS_PREFIX}graphiql.${contentHash(Buffer.from('one()'))}.js`);
  });
});

describe('GraphiQL over HTTP', () => {
  it('loads its hashed assets, immutable and compressed, and a repeat visit stays within the budget', async () => {
    const page = await get('/graphql', BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = brotliDecompressSync(page.body).toString();
    const urls = [...new Set(html.match(ASSET_URL))];
    // Script, styles, icon and Monaco's three workers.
    expect(urls).toHaveLength(6);
    let firstVisit = page.body.length;
    for (const url of urls) {
      const asset = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(asset.status, url).toBe(200);
      expect(asset.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-encoding'], url).toBe('br');
      expect(asset.headers.etag, url).toMatch(/^"[0-9a-f]{16}-br"$/);
      const plain = await get(url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(brotliDecompressSync(asset.body).equals(plain.body), url).toBe(true);
      expect(asset.body.length, url).toBeLessThan(plain.body.length);
      firstVisit += asset.body.length;
    }

    // The browser revalidates the page and takes the assets from its cache.
    const again = await get('/graphql', { ...BROWSER, 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Even when the page changed (a renewed demo token) the whole compressed page is within the budget.
    expect(page.body.length).toBeLessThan(REPEAT_VISIT_BUDGET);
    console.info(`playground bytes (brotli): first visit ${firstVisit}, repeat visit 0 (304) or ${page.body.length} (page changed)`);
    // Ten budgets: the first visit did fetch GraphiQL's megabytes, so the repeat visit's saving is real.
    expect(firstVisit).toBeGreaterThan(REPEAT_VISIT_BUDGET * 10);
  });

  it('answers HEAD and If-None-Match on an asset, and 404 or 405 (no stack) to anything else', async () => {
    const html = (await get('/graphql', { accept: 'text/html' })).body.toString();
    const script = html.match(ASSET_URL)?.find((url) => url.endsWith('.js')) ?? '';
    const head = await get(script, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(REPEAT_VISIT_BUDGET);
    expect((await get(script, { 'accept-encoding': 'gzip', 'if-none-match': String(head.headers.etag) })).status).toBe(304);

    const unknown = script.replace(/[0-9a-f]{16}/, '0000000000000000');
    for (const path of [unknown, `${PLAYGROUND_ASSETS_PREFIX}`, `${PLAYGROUND_ASSETS_PREFIX}x/../../package.json`, `${script}/x`]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toMatch(/\bat .+:\d+|node_modules|Error:/);
    }
    const post = await get(script, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});
