import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyRing, keyId } from './key-ring.js';

describe('KeyRing', () => {
  it('names keys by the first 8 hex of their sha256', () => {
    // Computed independently with `printf sk-a | sha256sum`.
    expect(keyId('sk-a')).toBe('key-a4a6d307');
    expect(keyId('sk-a')).not.toBe(keyId('sk-b'));
  });

  it('rotates round robin over active keys, dropping empty and repeated ones', () => {
    const ring = new KeyRing(['sk-a', '', 'sk-b', 'sk-a', 'sk-c']);
    expect(ring.size).toBe(3);
    expect([1, 2, 3, 4].map(() => ring.next()?.key)).toEqual(['sk-a', 'sk-b', 'sk-c', 'sk-a']);
  });

  it('takes 401 and quota keys out for good, rate-limited keys until their retry time', () => {
    let now = 1_000_000;
    const ring = new KeyRing(['sk-a', 'sk-b', 'sk-c'], undefined, () => now);
    ring.markUnauthorized(keyId('sk-a'));
    ring.markQuotaExceeded(keyId('sk-b'));
    ring.markRateLimited(keyId('sk-c'), 2000);
    expect(ring.next()).toBeNull();
    expect(ring.msUntilNextKey()).toBe(2000);
    expect(ring.unusableReason()).toContain('usable again at');
    expect(ring.statuses().map((s) => s.state)).toEqual(['UNAUTHORIZED', 'QUOTA_EXCEEDED', 'RATE_LIMITED']);
    now += 2000;
    expect(ring.next()?.key).toBe('sk-c');
    expect(ring.statuses().map((s) => s.state)).toEqual(['UNAUTHORIZED', 'QUOTA_EXCEEDED', 'ACTIVE']);
    ring.markUnauthorized(keyId('sk-c'));
    ring.markRateLimited(keyId('sk-c'), 10);
    expect(ring.statuses()[2]?.state).toBe('UNAUTHORIZED');
    expect(ring.unusableReason()).toContain('change api_keys');
  });

  it('keeps the state of unchanged keys when rebuilt, and starts new keys active', () => {
    const old = new KeyRing(['sk-a', 'sk-b']);
    old.markUnauthorized(keyId('sk-a'));
    const rebuilt = new KeyRing(['sk-a', 'sk-new'], old);
    expect(rebuilt.statuses()).toEqual([
      { id: keyId('sk-a'), state: 'UNAUTHORIZED' },
      { id: keyId('sk-new'), state: 'ACTIVE' },
    ]);
    expect(rebuilt.next()?.key).toBe('sk-new');
  });

  it('never shows a key in statuses, reasons or inspection', () => {
    const secret = 'sk-live-very-secret-123456';
    const ring = new KeyRing([secret]);
    ring.markUnauthorized(keyId(secret));
    const shown = [JSON.stringify(ring.statuses()), ring.unusableReason() ?? '', inspect(ring, { depth: 5 }), JSON.stringify(ring)].join('\n');
    expect(shown).not.toContain(secret);
    expect(new KeyRing([]).unusableReason()).toBe('no api_keys configured');
  });
});
