import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { asksForGraphiqlPage } from '../observability/request-outcome.js';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

interface Rendered {
  /** The options it was rendered from, as JSON: a new demo token renders the page again. */
  key: string;
  etag: string;
  bodies: Promise<{ identity: Buffer; br: Buffer; gzip: Buffer }>;
}

/** A request from this machine itself: the only one a demo token may be handed to (graphiql.ts). */
export function fromLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

/** A browser's GET of /graphql: GraphiQL's page rather than a GraphQL request. */
export function wantsPlayground(req: IncomingMessage): boolean {
  return asksForGraphiqlPage(req.method, req.headers.accept);
}

/**
 * GraphiQL's page, rendered once per set of options and kept compressed. The page inlines GraphiQL's scripts
 * (render-graphiql, so that it works offline) and weighs about 9 MB, which yoga sent whole on every load. Kept, it
 * goes out brotli- or gzip-compressed (about 1.9 and 2.4 MB) with an ETag, so that a reload the browser
 * revalidates costs a 304.
 */
export class PlaygroundPage {
  // One page for loopback callers (which may carry the demo token) and one for everyone else.
  private readonly rendered = new Map<boolean, Rendered>();

  constructor(private readonly options: (caller: { loopback: boolean }) => Promise<GraphiQLOptions>) {}

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await this.current(fromLoopback(req));
    // no-cache: the browser keeps the page but asks again each time, since the demo token in it is renewed.
    const headers = { 'content-type': 'text/html; charset=utf-8', etag: page.etag, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const bodies = await page.bodies;
    const accepted = req.headers['accept-encoding'] ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    const body = encoding ? bodies[encoding] : bodies.identity;
    res.writeHead(200, { ...headers, 'content-length': body.length, ...(encoding ? { 'content-encoding': encoding } : {}) }).end(body);
  }

  private async current(loopback: boolean): Promise<Rendered> {
    const options = await this.options({ loopback });
    const key = JSON.stringify(options);
    const kept = this.rendered.get(loopback);
    if (kept?.key === key) return kept;
    const identity = Buffer.from(renderGraphiQL(options));
    const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
    // Compressed off the main thread (zlib's pool), once per rendering. Brotli at quality 5, not the default 11:
    // 14% larger than 11's here, in 0.2 s of CPU instead of 15 s.
    const bodies = Promise.all([brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), gzipped(identity)]).then(([br, gz]) => ({
      identity,
      br,
      gzip: gz,
    }));
    const rendered = { key, etag, bodies };
    this.rendered.set(loopback, rendered);
    return rendered;
  }
}
