import { describe, expect, it } from 'vitest';
import { ServiceInstance } from './instance.js';
import { LoadBalancer } from './load-balancer.js';
import { connectionRefused } from './testing-responses.js';

const BREAKER = { failureThreshold: 1, resetTimeoutMs: 60_000, halfOpenProbes: 1 };
const instances = (count: number) => Array.from({ length: count }, (_, i) => new ServiceInstance(`http://10.0.0.${i + 1}/graphql`, BREAKER));
const urls = (picked: Array<ServiceInstance | undefined>) => picked.map((instance) => instance?.url.slice(7, 15));

describe('LoadBalancer', () => {
  it('round_robin takes the instances in turn', () => {
    const pool = instances(3);
    const balancer = new LoadBalancer('round_robin');
    expect(urls(Array.from({ length: 4 }, () => balancer.pick(pool)))).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.1']);
  });

  it('least_outstanding takes the instance with the fewest fetches in flight', () => {
    const pool = instances(3);
    pool[0]!.outstanding = 4;
    pool[1]!.outstanding = 1;
    pool[2]!.outstanding = 2;
    const balancer = new LoadBalancer('least_outstanding');
    expect(urls([balancer.pick(pool), balancer.pick(pool)])).toEqual(['10.0.0.2', '10.0.0.2']);
  });

  it('skips an open breaker and an instance failing /health, and tries another than those already tried', async () => {
    const pool = instances(3);
    await pool[0]!.send(() => Promise.reject(connectionRefused())).catch(() => undefined);
    expect(pool[0]!.breaker.state).toBe('OPEN');
    pool[1]!.setHealth('connection refused');
    const balancer = new LoadBalancer('least_outstanding');
    expect(urls([balancer.pick(pool), balancer.pick(pool)])).toEqual(['10.0.0.3', '10.0.0.3']);
    // Health outranks having been tried: the healthy instance again rather than one failing /health.
    expect(urls([balancer.pick(pool, new Set([pool[2]!]))])).toEqual(['10.0.0.3']);
    // With no healthy instance left, one whose breaker is closed is still better than none.
    pool[2]!.setHealth('timeout after 2000 ms');
    expect(new Set(urls([balancer.pick(pool), balancer.pick(pool)]))).toEqual(new Set(['10.0.0.2', '10.0.0.3']));
  });

  it('finds nothing when every breaker is open', async () => {
    const pool = instances(2);
    for (const instance of pool) await instance.send(() => Promise.reject(connectionRefused())).catch(() => undefined);
    expect(new LoadBalancer('round_robin').pick(pool)).toBeUndefined();
    expect(new LoadBalancer('round_robin').pick(pool.slice(0, 1))).toBeUndefined();
  });
});

describe('LoadBalancer rotation', () => {
  it('alternates between idle instances when asked whether any is routable in between (the fail-fast check)', () => {
    const pool = instances(2);
    const balancer = new LoadBalancer('least_outstanding');
    const picked = Array.from({ length: 4 }, () => {
      expect(balancer.anyRoutable(pool)).toBe(true);
      return balancer.pick(pool);
    });
    expect(urls(picked)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.1', '10.0.0.2']);
  });
});
