import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRED_TOKEN, startFakeGateway, type FakeGateway } from '../testing/fake-gateway.js';
import { createDndClient, type DndClientOptions } from './client.js';
import type { Result } from './result.js';

const Countdown = parse('subscription Countdown($from: Int!) { countdown(from: $from) }') as TypedDocumentNode<{ countdown: number }, { from: number }>;
const Slow = parse('subscription Slow { countdown(from: 1000, intervalMs: 20) }') as TypedDocumentNode<{ countdown: number }, Record<string, never>>;
const Drop = parse('subscription Drop { drop }') as TypedDocumentNode<{ drop: number }, Record<string, never>>;
const Limited = parse('subscription Limited($key: String!) { limitedCountdown(key: $key, refusals: 1, retryAfter: 0.1) }') as TypedDocumentNode<
  { limitedCountdown: number },
  { key: string }
>;

let server: FakeGateway;
beforeAll(async () => {
  server = await startFakeGateway();
});
afterAll(() => server.close());

async function collect<T>(stream: AsyncIterable<Result<T>>): Promise<Array<Result<T>>> {
  const items: Array<Result<T>> = [];
  for await (const item of stream) items.push(item);
  return items;
}

async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(['sse', 'ws'] as const)('subscribe over %s', (transport) => {
  const client = (options: Partial<DndClientOptions> = {}) =>
    createDndClient({ url: server.url, token: 'tok', subscriptions: transport, webSocketImpl: WebSocket, ...options });

  it('delivers every event typed, with the request id, and ends when the server completes', async () => {
    const sdk = client();
    const events = await collect(sdk.subscribe(Countdown, { from: 2 }));
    expect(events.map((event) => (event.ok ? event.data.countdown : event.error.code))).toEqual([2, 1, 0]);
    expect(events[0]?.requestId).toBeTruthy();
    expect(server.requestIds).toContain(events[0]?.requestId);
    await sdk.dispose();
  });

  it('ends with UNAUTHENTICATED for an expired token, and with the code of a refusal at subscribe', async () => {
    const expired = client({ token: EXPIRED_TOKEN });
    expect(await collect(expired.subscribe(Countdown, { from: 2 }))).toMatchObject([
      { ok: false, error: { code: 'UNAUTHENTICATED', message: 'token has expired' } },
    ]);
    await expired.dispose();
    const sdk = client();
    expect(await collect(sdk.subscribe(Countdown, { from: -1 }))).toMatchObject([{ ok: false, error: { code: 'BAD_USER_INPUT' } }]);
    await sdk.dispose();
  });

  it('ends with NETWORK_ERROR when the server is not there', async () => {
    const gone = await startFakeGateway();
    await gone.close();
    const sdk = client({ url: gone.url });
    expect(await collect(sdk.subscribe(Countdown, { from: 2 }))).toMatchObject([{ ok: false, error: { code: 'NETWORK_ERROR' } }]);
    await sdk.dispose();
  });

  it('ends with STREAM_CLOSED after the events received when the server drops the stream', async () => {
    const sdk = client();
    const events = await collect(sdk.subscribe(Drop));
    expect(events).toMatchObject([
      { ok: true, data: { drop: 1 } },
      { ok: false, error: { code: 'STREAM_CLOSED' } },
    ]);
    await sdk.dispose();
  });

  it('waits out a RATE_LIMITED refusal at subscribe and subscribes again', async () => {
    const waits: number[] = [];
    const sdk = client({ rateLimit: { onRetry: (wait) => waits.push(wait.waitMs) } });
    const events = await collect(sdk.subscribe(Limited, { key: `limited-${transport}` }));
    expect(events).toMatchObject([
      { ok: true, data: { limitedCountdown: 1 }, attempts: 2 },
      { ok: true, data: { limitedCountdown: 0 }, attempts: 2 },
    ]);
    expect(waits).toEqual([100]);
    await sdk.dispose();
  });

  it('unsubscribes when the caller breaks out of the loop or aborts', async () => {
    const sdk = client();
    for await (const event of sdk.subscribe(Slow)) {
      expect(event.ok).toBe(true);
      break;
    }
    await until(() => server.activeSubscriptions() === 0);
    const controller = new AbortController();
    const seen: Array<Result<{ countdown: number }>> = [];
    for await (const event of sdk.subscribe(Slow, {}, { signal: controller.signal })) {
      seen.push(event);
      if (seen.length === 2) controller.abort();
    }
    expect(seen.slice(0, 2).every((event) => event.ok)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ ok: false, error: { code: 'ABORTED' } });
    await until(() => server.activeSubscriptions() === 0);
    await sdk.dispose();
  });
});
