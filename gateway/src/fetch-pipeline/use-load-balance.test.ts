import { describe, expect, it } from 'vitest';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { ResilientService } from '../resilience/resilient-service.js';
import { resolveServicePolicy } from '../resilience/service-policy.js';
import type { ServiceInstance } from '../resilience/instance.js';
import { answer, fakeFetch, scriptedNext } from './testing.js';
import { NoInstanceError, useLoadBalance } from './use-load-balance.js';

const A = 'http://10.0.0.1/graphql';
const B = 'http://10.0.0.2/graphql';
const service = () =>
  new ResilientService('spellbook', resolveServicePolicy(parseHubConfig('message_hub:\n  load_balancing: round_robin\n'), 'spellbook'), [A, B]);

describe('useLoadBalance', () => {
  it('spreads attempts over the instances, sets url and instance, and counts them for the balancer', async () => {
    const pair = service();
    const next = scriptedNext(200);
    const balance = useLoadBalance(pair, { enabled: true })(next);
    for (let i = 0; i < 4; i++) await balance(fakeFetch());
    expect(next.seen.map((fetch) => fetch.url).sort()).toEqual([A, A, B, B]);
    expect(next.seen.every((fetch) => fetch.instance?.url === fetch.url)).toBe(true);
    expect(pair.snapshot().instances.map((instance) => instance.requests)).toEqual([2, 2]);
  });

  it('picks an instance the fetch has not tried; switched off, the first one admitted', async () => {
    const pair = service();
    const tried = new Set<ServiceInstance>([pair.instances[0]!]);
    const next = scriptedNext(200);
    await useLoadBalance(pair, { enabled: true })(next)(fakeFetch({ tried }));
    expect(next.seen[0]?.url).toBe(B);
    const off = scriptedNext(200);
    const first = useLoadBalance(pair, { enabled: false })(off);
    for (let i = 0; i < 3; i++) await first(fakeFetch());
    expect(off.seen.map((fetch) => fetch.url)).toEqual([A, A, A]);
  });

  it('throws NoInstanceError when every breaker is open', async () => {
    const single = new ResilientService(
      'spellbook',
      resolveServicePolicy(parseHubConfig('message_hub:\n  circuit_breaker: { failure_threshold: 1 }\n'), 'spellbook'),
      [A],
    );
    await single.instances[0]!.send(() => Promise.reject(new Error('down'))).catch(() => undefined);
    await expect(useLoadBalance(single, { enabled: true })(() => Promise.resolve(answer(200)))(fakeFetch())).rejects.toBeInstanceOf(NoInstanceError);
  });
});
