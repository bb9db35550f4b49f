import { describe, expect, it } from 'vitest';
import { MemoryNonceStore } from './nonce-store.js';
import { bodyHash, IDENTITY_TTL_MS, signRequest, verifyRequest, type RequestBinding } from './identity.js';
import { hubSecretOf, ownServiceKey, serviceKey } from './service-keys.js';

const hub = hubSecretOf('identity-secret-0123456789abcdef0123456789', {});
const key = serviceKey(hub, 'campaign');
const binding: RequestBinding = { audience: 'campaign', method: 'POST', path: '/graphql', bodyHash: bodyHash('{"query":"{ a }"}') };
const gatewayKey = (issuer: string) => (issuer === 'gateway' ? key : undefined);

describe('the identity header bound to one request', () => {
  it('carries the user, anonymous callers and a service acting for itself', () => {
    for (const identity of [{ userId: 'dm-1' }, { userId: null }, { userId: null, service: 'hub' }, { userId: 'dm-1', via: 'campaign' }]) {
      const { header } = signRequest(identity, binding, key);
      expect(verifyRequest(header, binding, gatewayKey)).toMatchObject({ identity });
    }
  });

  it('says why it refuses: another audience, method, path or body, expiry, forgery, junk', () => {
    const { header } = signRequest({ userId: 'dm-1' }, binding, key);
    const refusal = (expected: RequestBinding, now?: number) => (verifyRequest(header, expected, gatewayKey, now) as { refusal?: string }).refusal;
    expect(refusal({ ...binding, audience: 'llm' })).toBe('wrong audience');
    expect(refusal({ ...binding, method: 'GET' })).toBe('wrong method or path');
    expect(refusal({ ...binding, path: '/metrics' })).toBe('wrong method or path');
    expect(refusal({ ...binding, bodyHash: bodyHash('{"query":"{ b }"}') })).toBe('body does not match');
    expect(refusal(binding, Date.now() + IDENTITY_TTL_MS + 1)).toBe('expired');
    // Signed with the key of another service: campaign cannot tell it from a forgery, and must not accept it.
    const other = signRequest({ userId: 'dm-1' }, binding, serviceKey(hub, 'llm')).header;
    expect(verifyRequest(other, binding, gatewayKey)).toEqual({ refusal: 'forged' });
    const [version, payload, signature] = header.split('.');
    const edited = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('dm-1', 'dm-2')).toString('base64url');
    expect(verifyRequest(`${version}.${edited}.${signature}`, binding, gatewayKey)).toEqual({ refusal: 'forged' });
    for (const junk of ['', 'v1.a.b', 'v2.a', 'v2..', 'v2.a.b.c', 'not a header']) expect(verifyRequest(junk, binding, gatewayKey)).toHaveProperty('refusal');
  });

  it('gives every header its own id, so that a receiver can refuse the second use', () => {
    const first = signRequest({ userId: 'dm-1' }, binding, key);
    const second = signRequest({ userId: 'dm-1' }, binding, key);
    expect(first.jti).not.toBe(second.jti);
    const nonces = new MemoryNonceStore();
    expect(nonces.claim(first.jti, first.expiresAt)).toBe(true);
    expect(nonces.claim(first.jti, first.expiresAt)).toBe(false);
    expect(nonces.claim(second.jti, second.expiresAt)).toBe(true);
  });

  it('forgets ids once they expired, so the set holds about one expiry window', () => {
    const nonces = new MemoryNonceStore();
    const now = Date.now();
    for (let i = 0; i < 5000; i++) nonces.claim(`old-${i}`, now - 1, now - 2);
    for (let i = 0; i < 3000; i++) nonces.claim(`fresh-${i}`, now + 10_000, now);
    // The 5,000 expired ones are gone; the 3,000 live ones stay, and each is still refused a second time.
    expect(nonces.size).toBeLessThanOrEqual(3000);
    expect(nonces.claim('fresh-1', now + 10_000, now)).toBe(false);
  });

  it('derives a key per service from a hub secret of its own, unless SERVICE_KEY or HUB_SECRET give one', () => {
    expect(serviceKey(hub, 'campaign').equals(serviceKey(hub, 'llm'))).toBe(false);
    expect(hubSecretOf('jwt-secret', {})).not.toBe('jwt-secret');
    expect(hubSecretOf('jwt-secret', { HUB_SECRET: 'h'.repeat(32) })).toBe('h'.repeat(32));
    expect(() => hubSecretOf('jwt-secret', { HUB_SECRET: 'short' })).toThrow(/at least 32/);
    const given = Buffer.alloc(32, 7);
    expect(ownServiceKey('campaign', 'jwt-secret', { SERVICE_KEY: given.toString('base64url') }).equals(given)).toBe(true);
    expect(() => ownServiceKey('campaign', 'jwt-secret', { SERVICE_KEY: 'abc' })).toThrow(/32 bytes/);
  });
});
