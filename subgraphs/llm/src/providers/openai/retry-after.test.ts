import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_MS, parseResetDuration, retryAfterMs } from './retry-after.js';

describe('retryAfterMs', () => {
  it('parses OpenAI reset durations', () => {
    expect(parseResetDuration('12ms')).toBe(12);
    expect(parseResetDuration('1.5s')).toBe(1500);
    expect(parseResetDuration('6m0s')).toBe(360_000);
    expect(parseResetDuration('1h2m')).toBe(3_720_000);
    expect(parseResetDuration('soon')).toBeNull();
  });

  it('prefers retry-after-ms, then retry-after (seconds or date), then the longest reset', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }))).toBe(360_000);
    expect(retryAfterMs(new Headers())).toBe(DEFAULT_RETRY_AFTER_MS);
  });
});
