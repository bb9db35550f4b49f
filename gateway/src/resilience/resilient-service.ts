import { PriorityBulkhead, type QueueSnapshot } from './bulkhead.js';
import { ServiceInstance, type InstanceSnapshot } from './instance.js';
import { LoadBalancer } from './load-balancer.js';
import type { ServicePolicy } from './service-policy.js';

export interface ServiceSnapshot {
  name: string;
  instances: InstanceSnapshot[];
  queue: QueueSnapshot;
}

// 50 ms: the latency assumed for retryAfter before any answer was timed (a typical subgraph fetch is a few ms).
const ASSUMED_LATENCY_MS = 50;

/**
 * One service as the hub routes to it: its instances (each with a breaker), its load balancer and bulkhead, and
 * the policy hub.yaml gives it. The state the fetch pipeline's policies share (fetch-pipeline/pipeline.ts); a
 * reloaded supergraph keeps it.
 */
export class ResilientService {
  private instanceList: ServiceInstance[];
  readonly balancer: LoadBalancer;
  readonly bulkhead: PriorityBulkhead;

  constructor(
    readonly name: string,
    readonly policy: ServicePolicy,
    urls: readonly string[],
  ) {
    this.instanceList = urls.map((url) => new ServiceInstance(url, policy.breaker));
    this.balancer = new LoadBalancer(policy.loadBalancing);
    this.bulkhead = new PriorityBulkhead(policy.bulkhead.maxConcurrent, policy.bulkhead.maxQueue, () => this.recentLatencyMs());
  }

  get instances(): readonly ServiceInstance[] {
    return this.instanceList;
  }

  /** A new set of routing URLs (a reloaded supergraph): instances that stay keep their breaker and figures. */
  setUrls(urls: readonly string[]): void {
    const current = new Map(this.instanceList.map((instance) => [instance.url, instance]));
    this.instanceList = urls.map((url) => current.get(url) ?? new ServiceInstance(url, this.policy.breaker));
  }

  /**
   * Where a long-lived stream (a subscription) may open, in the order to try: the load balancer's pick, then every
   * other instance whose breaker admits requests, healthy ones first. A stream is neither queued nor retried once
   * it started: it only goes on to the next instance when one cannot be reached.
   */
  streamUrls(): string[] {
    const first = this.balancer.pick(this.instanceList);
    if (!first) return [];
    const now = Date.now();
    const rest = this.instanceList.filter((instance) => instance !== first && instance.routable(false, now));
    rest.sort((a, b) => Number(b.routable(true, now)) - Number(a.routable(true, now)));
    return [first.url, ...rest.map((instance) => instance.url)];
  }

  snapshot(): ServiceSnapshot {
    return { name: this.name, instances: this.instanceList.map((instance) => instance.snapshot()), queue: this.bulkhead.snapshot() };
  }

  private recentLatencyMs(): number {
    const latencies = this.instanceList.map((instance) => instance.latencyMs).filter((ms): ms is number => ms !== null);
    return latencies.length > 0 ? latencies.reduce((a, b) => a + b, 0) / latencies.length : ASSUMED_LATENCY_MS;
  }
}
