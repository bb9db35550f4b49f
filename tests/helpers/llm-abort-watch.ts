/**
 * A pass-through HTTP proxy in front of a provider stand-in that records, for every request, whether the client
 * (the llm service) hung up before the response ended: what an upstream provider sees when a generation is
 * cancelled mid-stream. The stand-ins only record what they received, not how the exchange ended.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WatchedRequest {
  path: string;
  /** The stand-in's response reached its end and was passed on whole. */
  finished: boolean;
  /** The client closed the connection before the response had ended. */
  aborted: boolean;
  /** performance.now() when the request arrived: when a provider would count it against its limit. */
  arrivedAt: number;
  /** Milliseconds from the request's arrival to its end either way (null while open): for failure messages. */
  endedAfterMs: number | null;
}

export interface AbortWatch {
  /** http://127.0.0.1:<port>, to use in place of the stand-in's url. */
  url: string;
  requests: WatchedRequest[];
  close(): Promise<void>;
}

export async function startAbortWatch(targetUrl: string): Promise<AbortWatch> {
  const target = new URL(targetUrl);
  const requests: WatchedRequest[] = [];
  const server = createServer((req, res) => {
    const arrived = performance.now();
    const watched: WatchedRequest = { path: req.url ?? '/', finished: false, aborted: false, arrivedAt: arrived, endedAfterMs: null };
    requests.push(watched);
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
    res.on('finish', () => (watched.finished = true));
    res.on('close', () => {
      watched.endedAfterMs = Math.round(performance.now() - arrived);
      if (res.writableFinished) return;
      watched.aborted = true;
      upstream.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
