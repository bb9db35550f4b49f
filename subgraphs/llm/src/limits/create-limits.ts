/**
 * Builds the llm service's Limits from hub.yaml's llm_service: counters in process by default, in Redis when a
 * client or URL is given (REDIS_URL), so that several llm instances share them.
 */
import type { Redis } from 'ioredis';
import { connectRedis } from '#lib/redis/connect-redis.js';
import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import { type BudgetStore, memoryStore, redisStore } from './budget-store.js';
import { Budgets } from './budgets.js';
import type { Limits } from './limits.js';
import { RateLimits } from './rate-limits.js';

export interface LimitsOptions {
  /** Counters in this Redis (a client is made and closed by close()). */
  redisUrl?: string;
  /** Counters through this client, which stays the caller's to close; wins over redisUrl. */
  redis?: Redis;
  /** Namespace of the counters' keys; tests use a unique one. */
  keyPrefix?: string;
  /** Shortest request window (window-shape.ts); tests shrink it to pace in seconds rather than minutes. */
  minWindowSeconds?: number;
}

// 10 s: a page firing a handful of generations at once fits in the window at the default 60 requests a minute,
// while an unpaced burst stays a sixth of a minute's budget.
const DEFAULT_MIN_WINDOW_SECONDS = 10;
const DEFAULT_KEY_PREFIX = 'llm:limits';

export function createLimits(config: LlmServiceConfig, options: LimitsOptions = {}): Limits {
  const keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const store = chooseStore(options, keyPrefix);
  return new RateLimits(new Budgets(store, config, options.minWindowSeconds ?? DEFAULT_MIN_WINDOW_SECONDS), store);
}

function chooseStore(options: LimitsOptions, keyPrefix: string): BudgetStore {
  if (options.redis) return redisStore(options.redis, keyPrefix, false);
  if (options.redisUrl) return redisStore(connectRedis(options.redisUrl), keyPrefix, true);
  return memoryStore(keyPrefix);
}
