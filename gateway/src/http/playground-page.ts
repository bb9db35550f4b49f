import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphiQLOptions } from 'graphql-yoga';
import { asksForGraphiqlPage } from '../observability/request-outcome.js';
import { compressBodies, pickEncoding, type CompressedBodies } from './compressed-bodies.js';
import type { RenderPlayground } from './playground-shell.js';

interface Rendered {
  /** The options it was rendered from, as JSON: a new demo token renders the page again. */
  key: string;
  etag: string;
  bodies: Promise<CompressedBodies>;
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
 * GraphiQL's page, rendered once per set of options and kept compressed. The page is a shell of a few kB (the options,
 * with the journeys' tabs) that loads GraphiQL's scripts and styles from hashed asset files the browser keeps
 * (playground-shell.ts, routes/playground-assets.ts); the shell itself goes out with an ETag and no-cache, so a reload
 * costs a 304, or the small page when the demo token was renewed.
 */
export class PlaygroundPage {
  // One page for loopback callers (which may carry the demo token) and one for everyone else.
  private readonly rendered = new Map<boolean, Rendered>();

  constructor(
    private readonly options: (caller: { loopback: boolean }) => Promise<GraphiQLOptions>,
    private readonly render: RenderPlayground,
  ) {}

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await this.current(fromLoopback(req));
    // no-cache: the browser keeps the page but asks again each time, since the demo token in it is renewed.
    const headers = { 'content-type': 'text/html; charset=utf-8', etag: page.etag, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const bodies = await page.bodies;
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const body = encoding ? bodies[encoding] : bodies.identity;
    res.writeHead(200, { ...headers, 'content-length': body.length, ...(encoding ? { 'content-encoding': encoding } : {}) }).end(body);
  }

  private async current(loopback: boolean): Promise<Rendered> {
    const options = await this.options({ loopback });
    const key = JSON.stringify(options);
    const kept = this.rendered.get(loopback);
    if (kept?.key === key) return kept;
    const identity = Buffer.from(this.render(options));
    const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
    const rendered = { key, etag, bodies: compressBodies(identity) };
    this.rendered.set(loopback, rendered);
    return rendered;
  }
}
