import { describe, expect, it } from 'vitest';
import type { SubgraphAnswer } from './answer.js';
import { answer, fakeFetch } from './testing.js';
import { useDedup } from './use-dedup.js';
import type { SubgraphFetch } from './policy.js';

/** A next that answers only when told to, counting what was sent. */
function held() {
  const sent: SubgraphFetch[] = [];
  let release: (value: SubgraphAnswer) => void = () => undefined;
  const next = (fetch: SubgraphFetch) => {
    sent.push(fetch);
    return new Promise<SubgraphAnswer>((resolve) => (release = resolve));
  };
  return { next, sent, answer: (value: SubgraphAnswer) => release(value) };
}

describe('useDedup', () => {
  it('sends one of two identical queries in flight, and gives each caller its own copy of the body', async () => {
    const { next, sent, answer: respond } = held();
    const dedup = useDedup()(next);
    const first = dedup(fakeFetch());
    const second = dedup(fakeFetch());
    respond(answer(200, { data: { spells: [{ name: 'Shield' }] } }));
    const [a, b] = await Promise.all([first, second]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.shared).toBe(true);
    expect(a.graphql).toEqual(b.graphql);
    expect(a.graphql).not.toBe(b.graphql);
  });

  it('never joins mutations, nor queries of another caller or priority', async () => {
    const { next, sent } = held();
    const dedup = useDedup()(next);
    void dedup(fakeFetch({ mutation: true }));
    void dedup(fakeFetch({ mutation: true }));
    void dedup(fakeFetch({ identity: { userId: 'bob' } }));
    void dedup(fakeFetch({ priority: 'batch' }));
    void dedup(fakeFetch());
    await Promise.resolve();
    expect(sent).toHaveLength(5);
  });
});
