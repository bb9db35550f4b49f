import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { MemoryNonceStore } from '#lib/auth/index.js';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { GatewayIdentities } from '../identity/gateway-identities.js';
import type { SubgraphFetchObserver } from '../observability/subgraph-fetch-observer.js';
import { ResilientService } from '../resilience/resilient-service.js';
import { resolveServicePolicy } from '../resilience/service-policy.js';
import { connectionRefused, response } from '../resilience/testing-responses.js';
import type { SubgraphAnswer } from './answer.js';
import { buildPipeline } from './pipeline.js';
import type { FetchNext, SubgraphFetch } from './policy.js';

/** The policies' tests drive them with this one fetch of a query (or a mutation). */
export function fakeFetch(overrides: Partial<SubgraphFetch> = {}): SubgraphFetch {
  const request = { query: '{ spells { name } }' };
  return {
    service: 'spellbook',
    request,
    body: JSON.stringify(request),
    identity: { userId: 'alice' },
    headers: {},
    mutation: false,
    retryable: true,
    priority: 'interactive',
    deadline: Date.now() + 5000,
    ...overrides,
  };
}

export const answer = (status: number, graphql: SubgraphAnswer['graphql'] = { data: { ok: status < 300 } }): SubgraphAnswer => ({
  status,
  headers: new Headers({ 'content-type': 'application/json' }),
  graphql,
});

/** A fake `next`: answers from `script` in turn (a status, a refused connection, or hanging until aborted) and records what it was given. */
export function scriptedNext(...script: Array<number | 'refused' | 'hang'>): FetchNext & { seen: SubgraphFetch[] } {
  const seen: SubgraphFetch[] = [];
  const next = (fetch: SubgraphFetch): Promise<SubgraphAnswer> => {
    const step = script[Math.min(seen.length, script.length - 1)];
    seen.push(fetch);
    if (step === 'refused') return Promise.reject(connectionRefused());
    if (step === 'hang') return new Promise<never>((_, reject) => fetch.signal?.addEventListener('abort', () => reject(fetch.signal?.reason)));
    return Promise.resolve(answer(step ?? 200));
  };
  return Object.assign(next, { seen });
}

/** A fetcher answering from `script` in turn, recording the URLs it was sent to: the bottom of a whole pipeline. */
export function scriptedFetcher(...script: Array<number | 'refused' | 'hang'>): Fetcher & { sent: string[] } {
  const sent: string[] = [];
  const fetcher = (url: string, init?: { signal?: unknown }): Promise<FetcherResponse> => {
    const step = script[Math.min(sent.length, script.length - 1)];
    sent.push(url);
    const signal = init?.signal as AbortSignal | undefined;
    if (step === 'refused') return Promise.reject(connectionRefused());
    if (step === 'hang') return new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    return Promise.resolve(response(step ?? 200));
  };
  return Object.assign(fetcher, { sent });
}

/** One service as hub.yaml `yaml` configures it, and the whole pipeline of its fetches over `fetcher`. */
export function servicePipeline(yaml: string, urls: string[], fetcher: Fetcher, observer?: SubgraphFetchObserver) {
  const service = new ResilientService('spellbook', resolveServicePolicy(parseHubConfig(yaml), 'spellbook'), urls);
  const identities = new GatewayIdentities('a-test-hub-secret-of-32-characters!!', new MemoryNonceStore(), 30_000);
  const pipeline = buildPipeline({ service, identities, fetcher, defaults: { requestTimeoutMs: 30_000, priority: 'interactive' }, observer });
  return { service, pipeline };
}
