import type { ResilientService } from '../resilience/resilient-service.js';
import type { FetchPolicy } from './policy.js';

/** No instance of the service would take the attempt (every breaker open): retry stops with what it has. */
export class NoInstanceError extends Error {
  override readonly name = 'NoInstanceError';
}

/**
 * loadBalance: picks the attempt's instance among those whose breaker admits it (resilience/load-balancer.ts:
 * least_outstanding or round_robin, healthy first, not one this fetch tried while another is left) and counts the
 * attempt for it (outstanding, latency, failures: what the balancer and Query.hub read). Switched off, every attempt
 * goes to the first instance the breakers admit, in the configured order: failover without spreading the load.
 */
export function useLoadBalance(service: ResilientService, options: { enabled: boolean }): FetchPolicy {
  return (next) => (fetch) => {
    const instances = service.instances;
    const instance = options.enabled
      ? service.balancer.pick(instances, fetch.tried)
      : (instances.find((candidate) => candidate.routable(false) && !fetch.tried?.has(candidate)) ?? instances.find((candidate) => candidate.routable(false)));
    if (!instance) return Promise.reject(new NoInstanceError(`no instance of ${service.name} admits a request`));
    fetch.tried?.add(instance);
    return instance.track(() => next({ ...fetch, instance, url: instance.url }));
  };
}
