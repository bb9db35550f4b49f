import type { ServiceInstance } from './instance.js';
import type { ServicePolicy } from './service-policy.js';

/**
 * Picks the instance for the next attempt among those whose breaker admits a request: healthy ones (by
 * /health) first, and only when none is left the others, since a poll can be seconds stale and the breaker is
 * the authority on whether requests go through. Instances this request already tried are skipped while
 * another one is available, so a retry lands elsewhere.
 */
export class LoadBalancer {
  private cursor = 0;

  constructor(private readonly strategy: ServicePolicy['loadBalancing']) {}

  /** Whether any instance would take a request now; unlike pick(), it leaves the rotation where it is. */
  anyRoutable(instances: readonly ServiceInstance[]): boolean {
    const now = Date.now();
    return instances.some((instance) => instance.routable(false, now));
  }

  pick(instances: readonly ServiceInstance[], tried?: ReadonlySet<ServiceInstance>): ServiceInstance | undefined {
    if (instances.length === 1) {
      // The common case (one instance per service) without building candidate lists on the hot path.
      const only = instances[0]!;
      return only.routable(false) ? only : undefined;
    }
    const now = Date.now();
    for (const preferHealthy of [true, false]) {
      for (const skipTried of [true, false]) {
        const candidates = instances.filter((instance) => instance.routable(preferHealthy, now) && !(skipTried && tried?.has(instance)));
        if (candidates.length > 0) return this.choose(candidates);
      }
    }
    return undefined;
  }

  private choose(candidates: ServiceInstance[]): ServiceInstance {
    // The rotating start spreads ties (least_outstanding) and is the whole rule for round_robin.
    const start = this.cursor++ % candidates.length;
    if (this.strategy === 'round_robin') return candidates[start]!;
    let best = candidates[start]!;
    for (let i = 1; i < candidates.length; i++) {
      const candidate = candidates[(start + i) % candidates.length]!;
      if (candidate.outstanding < best.outstanding) best = candidate;
    }
    return best;
  }
}
