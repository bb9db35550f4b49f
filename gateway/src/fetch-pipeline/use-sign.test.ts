import { describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, MemoryNonceStore } from '#lib/auth/index.js';
import { GatewayIdentities } from '../identity/gateway-identities.js';
import { fakeFetch, scriptedNext } from './testing.js';
import { useSign } from './use-sign.js';

describe('useSign', () => {
  it('signs each attempt anew for its instance, leaving the fetch it was given as it was', async () => {
    const identities = new GatewayIdentities('a-test-hub-secret-of-32-characters!!', new MemoryNonceStore(), 30_000);
    const next = scriptedNext(200);
    const sign = useSign(identities)(next);
    const fetch = fakeFetch({ url: 'http://10.0.0.1/graphql' });
    await sign(fetch);
    await sign({ ...fetch, url: 'http://10.0.0.2/graphql' });
    const [first, second] = next.seen.map((seen) => seen.headers[IDENTITY_HEADER]);
    expect(first).toEqual(expect.any(String));
    expect(second).not.toBe(first);
    expect(fetch.headers[IDENTITY_HEADER]).toBeUndefined();
  });
});
