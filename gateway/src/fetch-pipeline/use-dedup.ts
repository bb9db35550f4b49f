import { copyJson, InFlightRequests, queryKey } from '../resilience/dedup.js';
import type { SubgraphAnswer } from './answer.js';
import type { FetchPolicy } from './policy.js';

/** Each sharer's own GraphQL body: the gateway merges later fetches' results into the objects it received. */
const copyAnswer = (answer: SubgraphAnswer): SubgraphAnswer => (answer.graphql ? { ...answer, graphql: copyJson(answer.graphql) } : answer);

/**
 * dedup: an identical query of the same caller, at the same priority, already on its way to this subgraph is joined
 * rather than sent again (resilience/dedup.ts). Mutations never are: two identical mutations are two writes.
 */
export function useDedup(): FetchPolicy {
  const inFlight = new InFlightRequests<SubgraphAnswer>(copyAnswer);
  return (next) => (fetch) => {
    if (fetch.mutation || fetch.shared) return next(fetch);
    const key = queryKey({ subgraph: fetch.service, request: fetch.request, identity: fetch.identity, headers: fetch.headers, priority: fetch.priority ?? '' });
    let sent = false;
    const answer = inFlight.run(key, () => {
      sent = true;
      return next({ ...fetch, shared: true });
    });
    if (!sent) fetch.observation?.shared();
    return answer;
  };
}
