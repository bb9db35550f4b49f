/**
 * Identity nonces shared through a real Redis (REDIS_URL, as in .ci/run): a header accepted by one replica is
 * refused by another, and a Redis that goes away degrades to each replica's own set instead of failing requests.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../redis/connect-redis.js';
import { RedisNonceStore } from './nonce-store.js';

const redisUrl = process.env.REDIS_URL!;
const prefix = `test:nonce:${randomUUID()}:`;
const replicas = [new RedisNonceStore(connectRedis(redisUrl), prefix, true), new RedisNonceStore(connectRedis(redisUrl), prefix, true)];
afterAll(async () => {
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
  await Promise.all(replicas.map((replica) => replica.close()));
});

describe('RedisNonceStore', () => {
  it('refuses on one replica the id another replica accepted, and expires ids with their header', async () => {
    const id = randomUUID();
    expect(await replicas[0]!.claim(id, Date.now() + 10_000)).toBe(true);
    expect(await replicas[1]!.claim(id, Date.now() + 10_000)).toBe(false);
    expect(await replicas[0]!.claim(id, Date.now() + 10_000)).toBe(false);
    const short = randomUUID();
    expect(await replicas[0]!.claim(short, Date.now() + 50)).toBe(true);
    const admin = new Redis(redisUrl);
    expect(await admin.pttl(`${prefix}${short}`)).toBeLessThanOrEqual(50);
    await admin.quit();
  });

  it('keeps serving with its own set when Redis cannot be reached, still refusing replays to itself', async () => {
    const down = new RedisNonceStore(connectRedis('redis://127.0.0.1:1'), prefix, true);
    const id = randomUUID();
    expect(await down.claim(id, Date.now() + 10_000)).toBe(true);
    expect(await down.claim(id, Date.now() + 10_000)).toBe(false);
    await down.close();
  });
});
