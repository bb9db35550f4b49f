import { connectRedis } from '../redis/connect-redis.js';
import { MemoryNonceStore, RedisNonceStore, type NonceStore } from './nonce-store.js';

/** The receiver's nonce store: shared in Redis when REDIS_URL is set (replicas), else in process. */
export function createNonceStore(receiver: string, redisUrl = process.env.REDIS_URL): NonceStore {
  return redisUrl ? new RedisNonceStore(connectRedis(redisUrl), `dnd:nonce:${receiver}:`, true) : new MemoryNonceStore();
}
