import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUserToken } from './jwt.js';
import { verifiedTokens, VerifiedTokens, type TokenPolicy } from './verified-tokens.js';

const secret = 'verified-tokens-secret-0123456789abcdef0123';

afterEach(() => {
  vi.useRealTimers();
});

describe('VerifiedTokens', () => {
  it('answers the user of a valid token, again and again', async () => {
    const tokens = new VerifiedTokens(secret);
    const token = await signUserToken('dm-1', secret);
    expect(await tokens.verify(token)).toEqual({ id: 'dm-1', roles: [] });
    expect(await tokens.verify(token)).toEqual({ id: 'dm-1', roles: [] });
    expect(tokens.size).toBe(1);
  });

  it('refuses a token it once accepted as soon as the token expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = new VerifiedTokens(secret);
    const token = await signUserToken('player-1', secret, '60s');
    expect(await tokens.verify(token)).toEqual({ id: 'player-1', roles: [] });
    vi.setSystemTime(Date.now() + 61_000);
    await expect(tokens.verify(token)).rejects.toThrow('token has expired');
  });

  it('never keeps a token that failed: forged, signed with another secret or malformed', async () => {
    const tokens = new VerifiedTokens(secret);
    const foreign = await signUserToken('dm-1', 'another-secret-0123456789abcdef0123456789');
    for (const bad of [foreign, `${foreign.slice(0, -2)}xx`, 'not-a-jwt']) {
      await expect(tokens.verify(bad)).rejects.toThrow('token is invalid');
    }
    expect(tokens.size).toBe(0);
  });
});

describe('VerifiedTokens with an identity provider (JWKS on a local server)', () => {
  let idp: LocalIdp;
  let rsa: KeyPair;
  let ec: KeyPair;
  let stranger: KeyPair;
  const AUDIENCE = 'dnd-tools';

  beforeAll(async () => {
    rsa = await keyPair('RS256', 'rsa-1');
    ec = await keyPair('ES256', 'ec-1');
    // Same kid as the RSA key, another key: a token it signs must fail the signature, not find a key.
    stranger = await keyPair('RS256', 'rsa-1');
    idp = await startIdp([rsa.publicJwk, ec.publicJwk]);
  });
  afterAll(() => idp?.close());

  const policy = (extra: Partial<TokenPolicy> = {}): TokenPolicy => ({
    accept_hs256: true,
    issuer: idp.issuer,
    audience: AUDIENCE,
    jwks_url: `${idp.issuer}/jwks.json`,
    discovery: false,
    clock_skew: 30,
    algorithms: ['RS256', 'ES256'],
    roles_claim: 'roles',
    ...extra,
  });
  const sign = (
    pair: KeyPair,
    claims: Record<string, unknown> = {},
    options: { iss?: string; aud?: string; exp?: number; nbf?: number; sub?: string | null } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: pair.alg, kid: pair.kid })
      .setIssuer(options.iss ?? idp.issuer)
      .setAudience(options.aud ?? AUDIENCE)
      .setIssuedAt();
    if (options.sub !== null) jwt.setSubject(options.sub ?? 'idp-user-1');
    if (options.exp !== 0) jwt.setExpirationTime(options.exp ?? now + 600);
    if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
    return jwt.sign(pair.privateKey);
  };

  it('accepts RS256 and ES256 tokens of the configured issuer and audience, with their roles', async () => {
    const tokens = new VerifiedTokens(secret, policy());
    expect(await tokens.verify(await sign(rsa, { roles: ['operator'] }))).toEqual({ id: 'idp-user-1', roles: ['operator'] });
    expect(await tokens.verify(await sign(ec, {}, { sub: 'idp-user-2' }))).toEqual({ id: 'idp-user-2', roles: [] });
    // The platform's own HS256 tokens still pass beside them.
    expect(await tokens.verify(await signUserToken('dm-1', secret))).toEqual({ id: 'dm-1', roles: [] });
  });

  it('reads roles from a nested claim or a space-separated string', async () => {
    const nested = new VerifiedTokens(secret, policy({ roles_claim: 'realm_access.roles' }));
    expect((await nested.verify(await sign(rsa, { realm_access: { roles: ['operator', 'player'] } }))).roles).toEqual(['operator', 'player']);
    const spaced = new VerifiedTokens(secret, policy({ roles_claim: 'scope' }));
    expect((await spaced.verify(await sign(rsa, { scope: 'operator read' }))).roles).toEqual(['operator', 'read']);
  });

  it('refuses another issuer, another audience, an unknown key, a missing exp or sub, and an algorithm not configured', async () => {
    const tokens = new VerifiedTokens(secret, policy());
    const bad = [
      await sign(rsa, {}, { iss: 'https://evil.example.com' }),
      await sign(rsa, {}, { aud: 'another-app' }),
      await sign(stranger),
      await sign(rsa, {}, { exp: 0 }),
      await sign(rsa, {}, { sub: null }),
    ];
    for (const token of bad) await expect(tokens.verify(token)).rejects.toThrow('token is invalid');
    const esOnly = new VerifiedTokens(secret, policy({ algorithms: ['ES256'] }));
    await expect(esOnly.verify(await sign(rsa))).rejects.toThrow('token is invalid');
    expect(tokens.size).toBe(0);
  });

  it('accepts a token within the clock skew of exp or nbf, and refuses one past it as expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens = new VerifiedTokens(secret, policy({ clock_skew: 30 }));
    expect((await tokens.verify(await sign(rsa, {}, { exp: now - 10 }))).id).toBe('idp-user-1');
    expect((await tokens.verify(await sign(rsa, {}, { nbf: now + 10, sub: 'early' }))).id).toBe('early');
    await expect(tokens.verify(await sign(rsa, {}, { exp: now - 60 }))).rejects.toThrow('token has expired');
    await expect(tokens.verify(await sign(rsa, {}, { nbf: now + 60 }))).rejects.toThrow('token is invalid');
  });

  it('refuses HS256 when accept_hs256 is false, and an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const idpOnly = new VerifiedTokens(secret, policy({ accept_hs256: false }));
    await expect(idpOnly.verify(await signUserToken('dm-1', secret))).rejects.toThrow('token is invalid');
    const publicAsSecret = new TextEncoder().encode(JSON.stringify(rsa.publicJwk));
    const confused = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setSubject('mallory')
      .setIssuer(idp.issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .sign(publicAsSecret);
    await expect(new VerifiedTokens(secret, policy()).verify(confused)).rejects.toThrow('token is invalid');
  });

  it('finds the key set by OIDC discovery, and refuses when the discovery document names another issuer', async () => {
    const discovered = new VerifiedTokens(secret, policy({ jwks_url: undefined, discovery: true }));
    expect((await discovered.verify(await sign(ec))).id).toBe('idp-user-1');
    expect(idp.discoveryRequests).toBeGreaterThan(0);
    const liar = await startIdp([rsa.publicJwk], 'https://someone-else.example.com');
    try {
      const tokens = new VerifiedTokens(secret, { ...policy(), issuer: liar.issuer, jwks_url: undefined, discovery: true });
      const token = await sign(rsa, {}, { iss: liar.issuer });
      await expect(tokens.verify(token)).rejects.toThrow('token is invalid');
    } finally {
      await liar.close();
    }
  });

  it('shares one cache per secret and policy', () => {
    expect(verifiedTokens(secret, policy())).toBe(verifiedTokens(secret, policy()));
    expect(verifiedTokens(secret, policy())).not.toBe(verifiedTokens(secret));
  });
});

interface KeyPair {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function keyPair(alg: 'RS256' | 'ES256', kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

interface LocalIdp {
  issuer: string;
  discoveryRequests: number;
  close(): Promise<void>;
}

/** An identity provider on 127.0.0.1: its JWKS and its discovery document (naming `claimedIssuer` when given). */
async function startIdp(keys: JWK[], claimedIssuer?: string): Promise<LocalIdp> {
  const idp = { issuer: '', discoveryRequests: 0 };
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/jwks.json') return res.end(JSON.stringify({ keys }));
    if (req.url === '/.well-known/openid-configuration') {
      idp.discoveryRequests++;
      return res.end(JSON.stringify({ issuer: claimedIssuer ?? idp.issuer, jwks_uri: `${idp.issuer}/jwks.json` }));
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  idp.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(idp, { close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
