/**
 * The bulkhead in front of a busy service: one fetch at a time to spellbook (behind a slow fault proxy), the
 * rest queued by priority (x-priority header, or hub.yaml priority.root_fields), and past max_queue a
 * SERVICE_UNAVAILABLE with reason QUEUE_FULL and retryAfter.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultProxy } from './testing/fault-proxy.js';
import type { GatewayFixture, GraphQLHttpResult } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';

let fixture: GatewayFixture;
let proxy: FaultProxy;

beforeAll(async () => {
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('spellbook', {
    hubConfig: `
message_hub:
  health_check: { interval: 1m }
  priority: { root_fields: { Query.spells: batch } }
services:
  spellbook:
    bulkhead: { max_concurrent: 1, max_queue: 3 }
`,
  }));
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
});
beforeEach(() => {
  proxy.requests.length = 0;
  // The first fetch holds the only slot for a second: long enough, even on a busy machine, for the test's other
  // requests to line up behind it; they then drain at once, in queue order.
  proxy.mode = { kind: 'pass', delayMs: 1000, times: 1 };
});

const queue = () => fixture.hub.registry.get('spellbook')!.snapshot().queue;

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Each request its own spellbook fetch: identical queries in flight would be joined (resilience/dedup.ts). */
const who = (id: string) => `{ ${id.replace(/-/g, '_')}: bookWhoami }`;

/**
 * Sends a query tagged with x-request-id `id` and waits until it holds the slot or waits in the queue. The pending
 * answer comes back wrapped: an async function returning a bare promise would wait for it.
 */
async function send(id: string, query: string, priority?: string): Promise<{ answer: Promise<GraphQLHttpResult> }> {
  const before = queue();
  const headers: Record<string, string> = { 'x-request-id': id, ...(priority ? { 'x-priority': priority } : {}) };
  const answer = fixture.graphql(query, undefined, headers);
  await until(() => {
    const now = queue();
    return now.depth + now.active > before.depth + before.active || now.rejected > before.rejected;
  });
  return { answer };
}

const upstreamOrder = () => proxy.requests.map((request) => request.requestId);

describe('priority queue per service', () => {
  it('serves interactive requests before batch ones that queued earlier, by x-priority header', async () => {
    const sent = [
      await send('first', who('first')),
      await send('batch-1', who('batch-1'), 'batch'),
      await send('batch-2', who('batch-2'), 'batch'),
      await send('interactive-1', who('interactive-1'), 'interactive'),
    ];
    expect(queue()).toMatchObject({ depth: 3, active: 1, max: 3, maxConcurrent: 1 });
    for (const result of await Promise.all(sent.map((s) => s.answer))) expect(result.body.errors).toBeUndefined();
    expect(upstreamOrder()).toEqual(['first', 'interactive-1', 'batch-1', 'batch-2']);
  });

  it('ranks an operation by its root fields when no header says otherwise (Query.spells: batch)', async () => {
    const sent = [await send('first', who('first')), await send('spells', '{ spells { pages } }'), await send('who', who('who'))];
    await Promise.all(sent.map((s) => s.answer));
    expect(upstreamOrder()).toEqual(['first', 'who', 'spells']);
  });

  it('answers past max_queue with QUEUE_FULL and retryAfter; an interactive newcomer displaces the latest batch waiter', async () => {
    const first = await send('first', who('first'));
    const batches = [
      await send('batch-1', who('batch-1'), 'batch'),
      await send('batch-2', who('batch-2'), 'batch'),
      await send('batch-3', who('batch-3'), 'batch'),
    ];
    const refused = await (await send('batch-4', who('batch-4'), 'batch')).answer;
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors).toEqual([
      {
        message: 'The spellbook service is unavailable (too many requests queued (3))',
        path: ['batch_4'],
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'spellbook', reason: 'QUEUE_FULL', retryAfter: expect.any(Number) },
      },
    ]);
    // Whole seconds, at least one: the time for the queue ahead to drain at the latency measured so far.
    const retryAfter = refused.body.errors?.[0]?.extensions?.retryAfter as number;
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    const urgent = await send('interactive', who('interactive'), 'interactive');
    const displaced = await batches[2]!.answer;
    expect(displaced.body.errors?.[0]?.extensions).toMatchObject({ reason: 'QUEUE_FULL', retryAfter: expect.any(Number) });
    for (const result of await Promise.all([first, urgent, batches[0]!, batches[1]!].map((s) => s.answer))) expect(result.body.errors).toBeUndefined();
    expect(upstreamOrder()).toEqual(['first', 'interactive', 'batch-1', 'batch-2']);
    expect(queue().rejected).toBe(2);
  });

  it('refuses an x-priority it does not know with BAD_USER_INPUT', async () => {
    const result = await fixture.graphql('{ bookWhoami }', undefined, { 'x-priority': 'urgent' });
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'x-priority must be one of interactive, batch, got "urgent"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(proxy.requests).toHaveLength(0);
  });
});
