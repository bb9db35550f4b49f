import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

/**
 * What the proxy does with the next GraphQL requests: pass them on (after `delayMs`), pass them on at once and hold
 * the subgraph's answer for `delayMs` (the work is done, the answer late), answer an HTTP status, or cut the
 * connection; with `times`, only that many requests, then it passes again.
 */
export type FaultMode = (
  { kind: 'pass'; delayMs?: number } | { kind: 'late-answer'; delayMs: number } | { kind: 'status'; status: number } | { kind: 'reset' }
) & { times?: number };

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The GraphQL operation's first word (query or mutation) for POSTs. */
  operation: string | undefined;
  requestId: string | undefined;
  /** The W3C trace context the gateway sent (its attempt span's). */
  traceparent: string | undefined;
  idempotencyKey: string | undefined;
  at: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:<port>/graphql: give it to the gateway as the subgraph's URL. */
  url: string;
  mode: FaultMode;
  /** Every GraphQL POST received, in order of arrival (health checks are not recorded). */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A small HTTP proxy in front of a real subgraph for the resilience tests: it counts the requests the gateway
 * really sends (retries included), delays them to make a slow service, answers HTTP errors or drops the
 * connection, as `mode` says at the time each request arrives.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const agent = new Agent({ keepAliveTimeout: 1000 });
  const origin = new URL(target).origin;
  const proxy: FaultProxy = { url: '', mode: { kind: 'pass' }, requests: [], close: async () => undefined };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const mode = proxy.mode;
      if (req.method === 'POST' && mode.times !== undefined && --mode.times <= 0) proxy.mode = { kind: 'pass' };
      if (req.method === 'POST') {
        const query = (JSON.parse(body.toString('utf8')) as { query?: string }).query ?? '';
        const header = (name: string) => (typeof req.headers[name] === 'string' ? req.headers[name] : undefined);
        const operation = /^\s*(query|mutation)/.exec(query)?.[1] ?? 'query';
        proxy.requests.push({
          method: 'POST',
          path: req.url ?? '/',
          operation,
          requestId: header('x-request-id'),
          traceparent: header('traceparent'),
          idempotencyKey: header('idempotency-key'),
          at: Date.now(),
        });
      }
      if (mode.kind === 'reset') return req.socket.destroy();
      if (mode.kind === 'status') return res.writeHead(mode.status, { 'content-type': 'text/plain' }).end('injected failure');
      if (mode.kind === 'pass' && mode.delayMs) await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
      if (res.destroyed) return;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'connection'));
      const upstream = await request(`${origin}${req.url ?? '/'}`, {
        dispatcher: agent,
        method: req.method as 'GET' | 'POST',
        headers,
        body: req.method === 'POST' ? body : undefined,
      });
      const answer = await upstream.body.arrayBuffer();
      if (mode.kind === 'late-answer') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
      if (res.destroyed) return;
      res.writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json') }).end(Buffer.from(answer));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await agent.close();
  };
  return proxy;
}
