import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyHash, DELEGATION_HEADER, GATEWAY, hubSecretOf, serviceKey, signRequest, signUserToken } from '#lib/auth/index.js';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

let fixture: GatewayFixture;
let subgraphRequests = 0;

beforeAll(async () => {
  fixture = await startGatewayFixture();
  for (const subgraph of Object.values(fixture.subgraphs)) subgraph.server.on('request', () => subgraphRequests++);
});
afterAll(() => fixture?.close());

const WHO = '{ whoami bookWhoami }';
const OTHER_SECRET = 'another-secret-0123456789abcdef0123456789';

async function expiredToken(userId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer('dnd-tools')
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 3600)
    .sign(new TextEncoder().encode(TEST_SECRET));
}

/** Runs a request that must be refused, and checks no subgraph heard of it. */
async function expectRejected(headers: Record<string, string>, message: string): Promise<void> {
  const before = subgraphRequests;
  const result = await fixture.graphql(WHO, undefined, headers);
  expect(result.status).toBe(401);
  expect(result.body).toEqual({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  expect(subgraphRequests, 'no subgraph is called for a refused identity').toBe(before);
}

describe('Bearer tokens', () => {
  it("carries a valid token's user to every subgraph through the signed identity header", async () => {
    const token = await signUserToken('wizard-7', TEST_SECRET);
    const result = await fixture.graphql(WHO, undefined, { authorization: `Bearer ${token}` });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ whoami: 'wizard-7', bookWhoami: 'wizard-7' });
  });

  it('treats a request without a token as anonymous, still signed for the subgraphs', async () => {
    const result = await fixture.graphql(WHO);
    expect(result.body.data).toEqual({ whoami: 'anonymous', bookWhoami: 'anonymous' });
  });

  it('refuses an expired token with 401 "token has expired"', async () => {
    await expectRejected({ authorization: `Bearer ${await expiredToken('wizard-7')}` }, 'token has expired');
  });

  it('refuses a token signed with another secret with 401 "token is invalid"', async () => {
    await expectRejected({ authorization: `Bearer ${await signUserToken('archmage', OTHER_SECRET)}` }, 'token is invalid');
  });

  it('refuses a malformed token or another scheme with 401 "token is invalid"', async () => {
    await expectRejected({ authorization: 'Bearer not.a.jwt' }, 'token is invalid');
    await expectRejected({ authorization: 'Basic d2l6YXJkOnB3' }, 'token is invalid');
  });
});

describe('internal headers from outside', () => {
  const body = JSON.stringify({ query: WHO });
  /** A service's call to the gateway, as lib/gateway-client signs it (for itself, or for a request `forRequest`). */
  const serviceCall = (service: string, forRequest?: string, userId: string | null = null) => ({
    [DELEGATION_HEADER]: signRequest(
      forRequest ? { userId } : { userId: null, service },
      { audience: GATEWAY, method: 'POST', path: '/graphql', bodyHash: bodyHash(body) },
      serviceKey(hubSecretOf(TEST_SECRET), service),
      { issuer: service, ...(forRequest ? { forRequest } : {}) },
    ).header,
  });

  it('never takes an x-hub-identity header from a caller: a captured one makes nobody signed in', async () => {
    const captured = signedFor(TEST_SECRET, 'grimoire', { userId: 'dm-3' }, { body });
    const result = await fixture.graphql(WHO, undefined, captured);
    expect(result.body.data).toEqual({ whoami: 'anonymous', bookWhoami: 'anonymous' });
  });

  it('refuses a delegation for a request that is not running (forged or replayed later) with 401 saying so', async () => {
    await expectRejected(serviceCall('grimoire', 'no-such-request', 'dm-3'), 'service call refused: request is over');
  });

  it("refuses a service's call signed with another key, or claiming to be another service", async () => {
    const forged = {
      [DELEGATION_HEADER]: signRequest(
        { userId: null, service: 'grimoire' },
        { audience: GATEWAY, method: 'POST', path: '/graphql', bodyHash: bodyHash(body) },
        serviceKey(hubSecretOf(OTHER_SECRET), 'grimoire'),
        { issuer: 'grimoire' },
      ).header,
    };
    await expectRejected(forged, 'service call refused: forged');
    const impostor = {
      [DELEGATION_HEADER]: signRequest(
        { userId: null, service: 'hub' },
        { audience: GATEWAY, method: 'POST', path: '/graphql', bodyHash: bodyHash(body) },
        serviceKey(hubSecretOf(TEST_SECRET), 'grimoire'),
        { issuer: 'grimoire' },
      ).header,
    };
    await expectRejected(impostor, 'service call refused: forged');
  });

  it("accepts a service's call for itself once, as that service and no user", async () => {
    const headers = serviceCall('grimoire');
    const result = await fixture.graphql(WHO, undefined, headers);
    expect(result.body.data).toEqual({ whoami: 'anonymous', bookWhoami: 'anonymous' });
    await expectRejected(headers, 'service call refused: replayed');
  });
});

describe('subgraphs behind the gateway', () => {
  it('refuse a call that does not carry the gateway signature', async () => {
    const url = fixture.hub.subgraphs.find((s) => s.name === 'grimoire')?.url ?? '';
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.status).toBe(401);
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
