import { describe, expect, it } from 'vitest';
import { signIdentity, verifyIdentity } from './identity.js';

const secret = 'identity-secret-0123456789abcdef0123456789';

describe('the identity header the gateway signs for subgraphs', () => {
  it('carries the user and anonymous callers alike', () => {
    expect(verifyIdentity(signIdentity({ userId: 'dm-1' }, secret), secret)).toEqual({ userId: 'dm-1' });
    expect(verifyIdentity(signIdentity({ userId: null }, secret), secret)).toEqual({ userId: null });
  });

  it('refuses a header signed with another secret, tampered with, expired or malformed', () => {
    const header = signIdentity({ userId: 'player' }, secret);
    expect(verifyIdentity(header, 'another-secret-0123456789abcdef012345')).toBeNull();
    const [version, , signature] = header.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'dm-1', exp: Date.now() / 1000 + 60 })).toString('base64url');
    expect(verifyIdentity(`${version}.${forgedPayload}.${signature}`, secret)).toBeNull();
    expect(verifyIdentity(header, secret, Date.now() + 61_000)).toBeNull();
    for (const junk of ['', 'v1', 'v2.a.b', 'v1..', 'not a header']) expect(verifyIdentity(junk, secret)).toBeNull();
  });
});

describe('signing many headers', () => {
  it('signs each caller for itself, also within one second', () => {
    const now = Date.now();
    const headers = [{ userId: 'dm-1' }, { userId: 'player' }, { userId: null }, { userId: 'dm-1', service: 'hub' }].map((identity) => signIdentity(identity, secret, now));
    expect(new Set(headers).size).toBe(4);
    expect(headers.map((header) => verifyIdentity(header, secret, now))).toEqual([{ userId: 'dm-1' }, { userId: 'player' }, { userId: null }, { userId: 'dm-1', service: 'hub' }]);
    expect(verifyIdentity(signIdentity({ userId: 'dm-1' }, 'another-secret-0123456789abcdef012345', now), secret, now)).toBeNull();
  });

  it('gives a later second a later expiry', () => {
    const now = Date.now();
    const first = signIdentity({ userId: 'dm-1' }, secret, now);
    const later = signIdentity({ userId: 'dm-1' }, secret, now + 30_000);
    expect(later).not.toBe(first);
    expect(verifyIdentity(first, secret, now + 61_000)).toBeNull();
    expect(verifyIdentity(later, secret, now + 61_000)).toEqual({ userId: 'dm-1' });
  });
});
