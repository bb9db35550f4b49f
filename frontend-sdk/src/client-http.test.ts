import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRED_TOKEN, startFakeGateway, type FakeGateway } from '../testing/fake-gateway.js';
import { createDndClient } from './client.js';
import type { RateLimitWait } from './rate-limit-retry.js';

const Hello = parse('query Hello($name: String!) { hello(name: $name) }') as TypedDocumentNode<{ hello: string }, { name: string }>;
const WhoAmI = parse('query WhoAmI { whoami }') as TypedDocumentNode<{ whoami: string | null }, Record<string, never>>;
const Slow = parse('query Slow($ms: Int!) { slow(ms: $ms) }') as TypedDocumentNode<{ slow: number }, { ms: number }>;
const Bad = parse('mutation Bad { bad }') as TypedDocumentNode<{ bad: number }, Record<string, never>>;
const Limit = parse(
  'mutation Limit($key: String!, $refusals: Int!, $retryAfter: Float!) { limit(key: $key, refusals: $refusals, retryAfter: $retryAfter) }',
) as TypedDocumentNode<{ limit: number }, { key: string; refusals: number; retryAfter: number }>;

let server: FakeGateway;
beforeAll(async () => {
  server = await startFakeGateway();
});
afterAll(() => server.close());

describe('request: queries and mutations over HTTP', () => {
  it('returns typed data with the request id the server answered with', async () => {
    const client = createDndClient({ url: server.url, token: 'tok-1' });
    const result = await client.request(Hello, { name: 'Brakka' });
    expect(result).toMatchObject({ ok: true, data: { hello: 'hello Brakka' }, attempts: 1 });
    expect(result.requestId).toBe(server.requestIds.at(-1));
    // The token is sent as a bearer token; a function is asked again for every request (refreshing tokens).
    let calls = 0;
    const refreshing = createDndClient({ url: server.url, token: () => `tok-${++calls}` });
    expect(await refreshing.request(WhoAmI)).toMatchObject({ ok: true, data: { whoami: 'Bearer tok-1' } });
    expect(await refreshing.request(WhoAmI)).toMatchObject({ ok: true, data: { whoami: 'Bearer tok-2' } });
  });

  it("returns a GraphQL error as a failure carrying its code, every error's extensions kept", async () => {
    const result = await createDndClient({ url: server.url }).request(Bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'bad value', errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'x' } }] });
    expect(result.requestId).toBe(server.requestIds.at(-1));
  });

  it('returns UNAUTHENTICATED with the HTTP status for an expired token', async () => {
    const result = await createDndClient({ url: server.url, token: EXPIRED_TOKEN }).request(WhoAmI);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', status: 401, message: 'token has expired' } });
  });

  it('returns NETWORK_ERROR for a server that is not there and BAD_RESPONSE for a path that is not GraphQL', async () => {
    const closed = await startFakeGateway();
    await closed.close();
    const unreachable = await createDndClient({ url: closed.url }).request(WhoAmI);
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'NETWORK_ERROR', errors: [] } });
    const notGraphql = await createDndClient({ url: server.url.replace('/graphql', '/nothing-here') }).request(WhoAmI);
    expect(notGraphql).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE', status: 404 } });
  });

  it('returns TIMEOUT after timeoutMs and ABORTED when the caller aborts', async () => {
    const client = createDndClient({ url: server.url });
    expect(await client.request(Slow, { ms: 2_000 }, { timeoutMs: 100 })).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await client.request(Slow, { ms: 2_000 }, { signal: controller.signal })).toMatchObject({ ok: false, error: { code: 'ABORTED' } });
  });
});

describe('request: RATE_LIMITED', () => {
  it('waits the retryAfter the server names and sends again, until it goes through', async () => {
    const waits: RateLimitWait[] = [];
    const client = createDndClient({ url: server.url, rateLimit: { onRetry: (wait) => waits.push(wait) } });
    const started = Date.now();
    const result = await client.request(Limit, { key: 'twice', refusals: 2, retryAfter: 0.15 });
    expect(result).toMatchObject({ ok: true, data: { limit: 1 }, attempts: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(waits).toMatchObject([
      { operationName: 'Limit', attempt: 1, waitMs: 150 },
      { operationName: 'Limit', attempt: 2, waitMs: 150 },
    ]);
    expect(waits[0]?.requestId).toBeTruthy();
  });

  it('gives up after maxAttempts, and at once when retryAfter is longer than maxWaitMs, with the code and retryAfter', async () => {
    const client = createDndClient({ url: server.url, rateLimit: { maxAttempts: 2 } });
    expect(await client.request(Limit, { key: 'always', refusals: 100, retryAfter: 0.05 })).toMatchObject({
      ok: false,
      attempts: 2,
      error: { code: 'RATE_LIMITED', retryAfter: 0.05 },
    });
    const started = Date.now();
    const long = await client.request(Limit, { key: 'long', refusals: 1, retryAfter: 30 }, { rateLimit: { maxWaitMs: 1_000 } });
    expect(long).toMatchObject({ ok: false, attempts: 1, error: { code: 'RATE_LIMITED', retryAfter: 30 } });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const client = createDndClient({ url: server.url, rateLimit: { onRetry: () => controller.abort() } });
    const started = Date.now();
    const result = await client.request(Limit, { key: 'aborted', refusals: 1, retryAfter: 20 }, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { code: 'ABORTED' } });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
