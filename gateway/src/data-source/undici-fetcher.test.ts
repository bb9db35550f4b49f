import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciFetcher } from './undici-fetcher.js';

let server: Server;
let origin: string;
const agent = new Agent({ keepAliveTimeout: 1000 });
const fetcher = createUndiciFetcher(agent);
const aborted: string[] = [];

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/hang') {
        req.on('close', () => aborted.push(req.url ?? ''));
        return;
      }
      const body = await bodyOf(req);
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-seen-auth': String(req.headers['x-hub-identity']) });
      res.end(JSON.stringify({ data: { method: req.method, path: req.url, body } }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await agent.close();
});

describe('the undici fetcher', () => {
  it('sends method, path, query, headers and body, and answers status, headers and the whole body', async () => {
    const response = await fetcher(`${origin}/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-identity': 'v1.a.b' },
      body: '{"query":"{ a }"}',
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('x-seen-auth')).toBe('v1.a.b');
    expect(await response.json()).toEqual({ data: { method: 'POST', path: '/graphql?x=1', body: '{"query":"{ a }"}' } });
  });

  it('answers an HTTP error status as a response, not as a failure', async () => {
    const response = await fetcher(`${origin}/missing`, { method: 'GET' });
    expect([response.status, response.ok, response.statusText]).toEqual([404, false, 'Not Found']);
  });

  it('gives up a request whose signal aborts, with the signal reason, and closes its connection', async () => {
    const controller = new AbortController();
    const pending = fetcher(`${origin}/hang`, { method: 'GET', signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reason = new Error('attempt timed out');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect.poll(() => aborted).toEqual(['/hang']);
  });

  it('fails with the transport error code when nothing listens', async () => {
    // A port that was just free: listened on, then closed.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    await expect(fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
