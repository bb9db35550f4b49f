/**
 * Where the counters live: a rate-limiter-flexible limiter per budget, in process (RateLimiterMemory) or in Redis
 * (RateLimiterRedis on an ioredis client), so that several llm instances share them.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { WindowShape } from './window-shape.js';

export type Limiter = RateLimiterMemory | RateLimiterRedis;

/**
 * rate-limiter-flexible's own increment script, with one change: a negative increment (a reward, our give-back) on a
 * key that no longer exists does nothing. The stock script would open a fresh window starting below zero, letting
 * that window admit more than its limit.
 */
const INCREMENT_UNLESS_GIVING_BACK_TO_NOTHING = `
local points = tonumber(ARGV[1])
if points < 0 and redis.call('exists', KEYS[1]) == 0 then
  return {0, 0}
end
redis.call('set', KEYS[1], 0, 'EX', ARGV[2], 'NX')
local consumed = redis.call('incrby', KEYS[1], points)
local ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('expire', KEYS[1], ARGV[2])
  ttl = 1000 * ARGV[2]
end
return {consumed, ttl}
`;

export interface BudgetStore {
  limiter(name: string, shape: WindowShape): Limiter;
  close(): Promise<void>;
}

export function memoryStore(keyPrefix: string): BudgetStore {
  return {
    limiter: (name, shape) => new RateLimiterMemory({ keyPrefix: `${keyPrefix}:${name}`, points: shape.points, duration: shape.seconds }),
    close: async () => {},
  };
}

/** `ownsClient`: close() quits the client (one made from a URL), not a client the caller passed in. */
export function redisStore(client: Redis, keyPrefix: string, ownsClient: boolean): BudgetStore {
  return {
    limiter: (name, shape) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${keyPrefix}:${name}`,
        points: shape.points,
        duration: shape.seconds,
        customIncrTtlLuaScript: INCREMENT_UNLESS_GIVING_BACK_TO_NOTHING,
        // No insuranceLimiter, on purpose: see LimitsUnavailable. How long a call waits for a Redis that is down is
        // bounded by the client's own options (create-limits.ts sets them for a client it makes).
      }),
    close: async () => {
      if (!ownsClient) return;
      await client.quit().catch(() => client.disconnect());
    },
  };
}
