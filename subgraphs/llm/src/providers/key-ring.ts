/**
 * A provider's API keys in rotation. Round robin over the ACTIVE keys spreads calls across accounts; a key that
 * answers 401 or insufficient quota leaves rotation for good (until hub.yaml changes it), a rate-limited key sits out
 * until its retry time. Keys are held in a private field: only ids (`key-<8 hex of sha256>`) ever leave this class.
 */
import { createHash } from 'node:crypto';
import type { KeyStatus } from './provider.js';

export function keyId(key: string): string {
  return `key-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

type KeyState = Omit<KeyStatus, 'id'>;

export interface LeasedKey {
  id: string;
  key: string;
}

export class KeyRing {
  readonly #keys: LeasedKey[];
  readonly #states = new Map<string, KeyState>();
  #cursor = 0;

  /** `previous`: the ring this one replaces on reload; keys with the same id keep their state. */
  constructor(
    keys: readonly string[],
    previous?: KeyRing,
    private readonly now: () => number = Date.now,
  ) {
    // An unset ${VAR} interpolates to '': not a key. The same key listed twice is one key.
    const unique = [...new Set(keys.filter((key) => key.trim() !== ''))];
    this.#keys = unique.map((key) => ({ id: keyId(key), key }));
    for (const { id } of this.#keys) this.#states.set(id, (previous ? previous.#states.get(id) : undefined) ?? { state: 'ACTIVE' });
  }

  get size(): number {
    return this.#keys.length;
  }

  /** The next usable key in turn, or null when none is (see unusableReason). */
  next(): LeasedKey | null {
    for (let tried = 0; tried < this.#keys.length; tried++) {
      const candidate = this.#keys[(this.#cursor + tried) % this.#keys.length];
      if (candidate && this.#usable(candidate.id)) {
        this.#cursor = (this.#cursor + tried + 1) % this.#keys.length;
        return candidate;
      }
    }
    return null;
  }

  markRateLimited(id: string, retryAfterMs: number): void {
    const current = this.#states.get(id);
    // A key already out for good stays out: a late 429 from an earlier call must not bring it back.
    if (!current || current.state === 'UNAUTHORIZED' || current.state === 'QUOTA_EXCEEDED') return;
    this.#states.set(id, { state: 'RATE_LIMITED', until: new Date(this.now() + retryAfterMs) });
  }

  markUnauthorized(id: string): void {
    if (this.#states.has(id)) this.#states.set(id, { state: 'UNAUTHORIZED' });
  }

  markQuotaExceeded(id: string): void {
    if (this.#states.has(id)) this.#states.set(id, { state: 'QUOTA_EXCEEDED' });
  }

  statuses(): KeyStatus[] {
    return this.#keys.map(({ id }) => {
      this.#usable(id); // expires a finished rate limit first, so status shows ACTIVE again
      const state = this.#states.get(id) ?? { state: 'ACTIVE' };
      return { id, ...state };
    });
  }

  /** Why no key can be used now, in words without any key; undefined when one can. */
  unusableReason(): string | undefined {
    if (this.#keys.length === 0) return 'no api_keys configured';
    const statuses = this.statuses();
    if (statuses.some((s) => s.state === 'ACTIVE')) return undefined;
    const limited = statuses.filter((s) => s.state === 'RATE_LIMITED' && s.until);
    if (limited.length > 0) {
      const soonest = new Date(Math.min(...limited.map((s) => s.until?.getTime() ?? Infinity)));
      return `every key is out of rotation; the first rate-limited key is usable again at ${soonest.toISOString()}`;
    }
    return `every key is out of rotation (${statuses.map((s) => `${s.id} ${s.state}`).join(', ')}); change api_keys in hub.yaml`;
  }

  /** The earliest time a rate-limited key comes back, in ms from now (for RATE_LIMITED errors); undefined if none will. */
  msUntilNextKey(): number | undefined {
    const times = this.statuses().flatMap((s) => (s.state === 'RATE_LIMITED' && s.until ? [s.until.getTime() - this.now()] : []));
    return times.length > 0 ? Math.max(0, Math.min(...times)) : undefined;
  }

  #usable(id: string): boolean {
    const state = this.#states.get(id);
    if (!state) return false;
    if (state.state === 'RATE_LIMITED' && (state.until?.getTime() ?? 0) <= this.now()) {
      this.#states.set(id, { state: 'ACTIVE' });
      return true;
    }
    return state.state === 'ACTIVE';
  }
}
