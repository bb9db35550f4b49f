/**
 * How long OpenAI (or a compatible server) asks us to wait after a 429, from its headers, in milliseconds:
 * `retry-after-ms`, else `retry-after` (seconds or an HTTP date), else the longest `x-ratelimit-reset-*` duration
 * (`12ms`, `1.5s`, `6m0s`).
 */
// 1 s when the server names no time: long enough not to hammer it, short enough that the key comes back soon.
export const DEFAULT_RETRY_AFTER_MS = 1000;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `6m0s` → 360000; `12ms` → 12; `1.5s` → 1500; null when not a duration. */
export function parseResetDuration(text: string): number | null {
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) return null;
  return Math.round(parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0), 0));
}

export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number {
  if (!headers) return DEFAULT_RETRY_AFTER_MS;
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  const after = headers.get('retry-after');
  if (after !== null) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens'].flatMap((name) => {
    const value = headers.get(name);
    const parsed = value === null ? null : parseResetDuration(value);
    return parsed === null ? [] : [parsed];
  });
  return resets.length > 0 ? Math.max(...resets) : DEFAULT_RETRY_AFTER_MS;
}
