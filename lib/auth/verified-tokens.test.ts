import { afterEach, describe, expect, it, vi } from 'vitest';
import { signUserToken } from './jwt.js';
import { VerifiedTokens } from './verified-tokens.js';

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
