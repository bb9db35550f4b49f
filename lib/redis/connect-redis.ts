import { Redis } from 'ioredis';

/**
 * A Redis client for state shared between replicas (llm limits, identity nonces): it fails fast instead of
 * hanging, so that a Redis that is down costs a caller a second, not the gateway's timeout.
 */
export function connectRedis(url: string): Redis {
  const client = new Redis(url, {
    // A call waits for at most one reconnection attempt, then fails, instead of ioredis's default of 20 attempts
    // (seconds of a request hanging on a Redis that is down).
    maxRetriesPerRequest: 1,
    // 2 s to connect, 1 s per command: a round trip takes well under a millisecond on a LAN, so a Redis this slow is
    // as good as down, and the request behind it should fail fast rather than run into the gateway's timeout.
    connectTimeout: 2000,
    commandTimeout: 1000,
  });
  // Failures reach callers through their commands; unhandled, the event would also print on every reconnection attempt.
  client.on('error', () => undefined);
  return client;
}
