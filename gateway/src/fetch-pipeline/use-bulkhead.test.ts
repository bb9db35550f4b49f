import { describe, expect, it } from 'vitest';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { ResilientService } from '../resilience/resilient-service.js';
import { resolveServicePolicy } from '../resilience/service-policy.js';
import type { SubgraphAnswer } from './answer.js';
import { answer, fakeFetch } from './testing.js';
import { useBulkhead } from './use-bulkhead.js';

const service = (yaml: string) => new ResilientService('spellbook', resolveServicePolicy(parseHubConfig(yaml), 'spellbook'), ['http://10.0.0.1/graphql']);

describe('useBulkhead', () => {
  it('holds fetches past max_concurrent in the queue, refuses past max_queue with retryAfter, and frees the slot after', async () => {
    const limited = service('message_hub:\n  bulkhead: { max_concurrent: 1, max_queue: 1 }\n');
    const releases: Array<() => void> = [];
    const next = () => new Promise<SubgraphAnswer>((resolve) => releases.push(() => resolve(answer(200))));
    const bulkhead = useBulkhead(limited)(next);
    const first = bulkhead(fakeFetch());
    const queued = bulkhead(fakeFetch());
    await expect(bulkhead(fakeFetch())).rejects.toMatchObject({ reason: 'QUEUE_FULL', retryAfter: expect.any(Number) as number });
    expect(limited.bulkhead.snapshot()).toMatchObject({ active: 1, depth: 1 });
    releases.shift()?.();
    await first;
    await expect.poll(() => releases.length).toBe(1);
    releases.shift()?.();
    await queued;
    expect(limited.bulkhead.snapshot()).toMatchObject({ active: 0, depth: 0 });
  });

  it('fails fast with CIRCUIT_OPEN while no instance admits a request', async () => {
    const open = service('message_hub:\n  circuit_breaker: { failure_threshold: 1 }\n');
    await open.instances[0]!.send(() => Promise.reject(new Error('down'))).catch(() => undefined);
    let sent = 0;
    await expect(useBulkhead(open)(() => (sent++, Promise.resolve(answer(200))))(fakeFetch())).rejects.toMatchObject({ reason: 'CIRCUIT_OPEN' });
    expect(sent).toBe(0);
  });
});
