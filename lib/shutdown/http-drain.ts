import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Graceful shutdown of one HTTP server. `begin()` stops accepting connections, closes the keep-alive connections
 * that are idle, and has every response still to be written carry `Connection: close`, so that a client's
 * connection is closed after its answer instead of reset under it. `finished(graceMs)` waits for the requests
 * in flight and, past the grace period, closes whatever is left.
 */
export class HttpDrain {
  private readonly responses = new Set<ServerResponse>();
  private closed: Promise<void> | undefined;

  constructor(private readonly server: Server) {
    // First of the request listeners: the response is known before the handler writes anything.
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => this.track(res));
  }

  /** From `begin()` on: /readiness answers 503 so that whoever routes here stops. */
  get draining(): boolean {
    return this.closed !== undefined;
  }

  /** Responses not yet finished. */
  get inFlight(): number {
    return this.responses.size;
  }

  begin(): void {
    if (this.closed) return;
    this.closed = new Promise((resolve) => this.server.close(() => resolve()));
    for (const res of this.responses) closeAfter(res);
    this.server.closeIdleConnections();
  }

  /** Resolves when every connection has closed; past `graceMs` the remaining ones are cut (their count is returned). */
  async finished(graceMs: number): Promise<{ cut: number }> {
    this.begin();
    const closed = this.closed!;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), graceMs);
    });
    const outcome = await Promise.race([closed.then(() => 'drained' as const), expired]);
    clearTimeout(timer);
    if (outcome === 'drained') return { cut: 0 };
    const cut = this.responses.size;
    this.server.closeAllConnections();
    await closed;
    return { cut };
  }

  private track(res: ServerResponse): void {
    this.responses.add(res);
    // A request that came on a connection still open while draining: answered, then the connection closes.
    if (this.draining) closeAfter(res);
    res.once('close', () => {
      this.responses.delete(res);
      // A response whose headers went out before draining (a subscription's stream) leaves its connection idle
      // when it ends: closed at once, as server.close() would otherwise wait for its keep-alive timeout.
      if (this.draining) setImmediate(() => this.server.closeIdleConnections());
    });
  }
}

function closeAfter(res: ServerResponse): void {
  // Node ends the connection after a response that carries Connection: close.
  if (!res.headersSent) res.setHeader('connection', 'close');
}
