import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { connectRedis } from '#lib/redis/connect-redis.js';

export interface GenerationLimiter {
  /** Takes `points` from `key`'s budget; resolves the seconds to wait when the budget cannot cover them. */
  take(key: string, points: number): Promise<{ retryAfter: number } | undefined>;
  close(): Promise<void>;
}

const KEY_PREFIX = 'dnd:gateway:generation';

/**
 * The gateway's generation budgets: in process (RateLimiterMemory), or in Redis when `redisUrl` is given
 * (RateLimiterRedis over ioredis), so that every gateway replica counts against one budget per user.
 * Unlike the llm's limits, a Redis that is down does not refuse (the llm's own limit, which does, stands behind this
 * one): each gateway falls back to counting in process (rate-limiter-flexible's insurance limiter) until Redis is back.
 */
export function createGenerationLimiter(options: { points: number; seconds: number; redisUrl?: string | undefined }): GenerationLimiter {
  const shape = { keyPrefix: KEY_PREFIX, points: options.points, duration: options.seconds };
  const memory = new RateLimiterMemory(shape);
  const client = options.redisUrl ? connectRedis(options.redisUrl) : undefined;
  // rejectIfRedisNotReady: a Redis reconnecting sends the call to the insurance at once instead of queueing it.
  const limiter = client ? new RateLimiterRedis({ ...shape, storeClient: client, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
  return {
    async take(key, points) {
      try {
        await limiter.consume(key, points);
        return undefined;
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) throw outcome;
        // Whole seconds, at least 1: Retry-After takes integers, and 0 would invite an immediate retry.
        return { retryAfter: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
      }
    },
    async close() {
      await client?.quit().catch(() => client.disconnect());
    },
  };
}
