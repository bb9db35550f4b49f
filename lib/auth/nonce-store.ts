import type { Redis } from 'ioredis';
import { processLogger } from '../telemetry/logger.js';

/**
 * The ids of the identity headers a receiver has accepted, until they expire: a header is good for one request,
 * so a captured one replayed (to this replica or, with Redis, to any) is refused.
 */
export interface NonceStore {
  /** True the first time `id` is claimed before `expiresAt` (epoch ms); false for a replay. */
  claim(id: string, expiresAt: number): Promise<boolean> | boolean;
  close(): Promise<void>;
}

/**
 * In process: the embedded default, where each service is one process. Expired ids are swept once the set has grown
 * by half since the last sweep, so it holds about one expiry window of requests (10 s at 1,000 req/s: 10,000 ids).
 */
export class MemoryNonceStore implements NonceStore {
  private readonly seen = new Map<string, number>();
  private sweptAt = 0;

  claim(id: string, expiresAt: number, now = Date.now()): boolean {
    const until = this.seen.get(id);
    if (until !== undefined && until >= now) return false;
    this.seen.set(id, expiresAt);
    // 1,024: below that a sweep is not worth its walk.
    if (this.seen.size > Math.max(1024, this.sweptAt * 1.5)) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [id, until] of this.seen) if (until < now) this.seen.delete(id);
    this.sweptAt = this.seen.size;
  }

  get size(): number {
    return this.seen.size;
  }

  async close(): Promise<void> {
    this.seen.clear();
  }
}

/**
 * In Redis (REDIS_URL): replicas of a service share one set, so a header replayed to another replica is refused too.
 * `SET NX PX` claims and expires an id in one round trip. When Redis cannot answer, the replica falls back to its own
 * set and warns (once per outage): replays to the same replica are still refused, and requests keep being served —
 * an outage of a shared cache should not stop the platform (the same choice as the llm's limits).
 */
export class RedisNonceStore implements NonceStore {
  private readonly local = new MemoryNonceStore();
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ownsClient: boolean,
  ) {}

  async claim(id: string, expiresAt: number): Promise<boolean> {
    // The local set first: a replay to this replica costs no round trip, and a fallback keeps what it saw.
    if (!this.local.claim(id, expiresAt)) return false;
    const ttl = Math.max(1, expiresAt - Date.now());
    try {
      const set = await this.redis.set(`${this.prefix}${id}`, '1', 'PX', ttl, 'NX');
      if (this.degraded) {
        this.degraded = false;
        processLogger('nonces').info('identity nonces are shared through Redis again');
      }
      return set === 'OK';
    } catch (err) {
      if (!this.degraded) {
        this.degraded = true;
        processLogger('nonces').warn({ err }, 'Redis unavailable: identity nonces checked per replica until it is back');
      }
      return true;
    }
  }

  async close(): Promise<void> {
    await this.local.close();
    if (this.ownsClient) await this.redis.quit().catch(() => undefined);
  }
}
