import type { FetcherResponse } from '@apollo/utils.fetcher';
import type { Priority } from '#lib/config/resilience-config.js';
import type { AttemptObserver } from './attempt-observer.js';
import { isBrokenCircuit } from './breaker.js';
import { PriorityBulkhead, type QueueSnapshot } from './bulkhead.js';
import { attemptBudget, sleep, withTimeout } from './deadline.js';
import { ServiceInstance, type InstanceSnapshot } from './instance.js';
import { LoadBalancer } from './load-balancer.js';
import { retryDelays } from './retry.js';
import type { ServicePolicy } from './service-policy.js';
import { ServiceUnavailableError } from './unavailable.js';

/** What the hub knows about one fetch when it sends it (see plugins/use-request-policy.ts). */
export interface FetchPolicy {
  priority: Priority;
  /** Epoch ms: no attempt, retry or queueing goes past it. */
  deadline: number;
  /** retry.ts isRetryable: a query, or a mutation that is idempotent. */
  retryable: boolean;
  /** Per attempt, instead of the service's timeout (message_hub.root_field_timeouts). */
  attemptTimeoutMs?: number | undefined;
}

/** One attempt's transport: sends to `url`, aborts on `signal`; throws only for network errors and timeouts. */
export type Transport = (url: string, signal: AbortSignal) => Promise<FetcherResponse>;

export interface ServiceSnapshot {
  name: string;
  instances: InstanceSnapshot[];
  queue: QueueSnapshot;
}

// 50 ms: the latency assumed for retryAfter before any answer was timed (a typical subgraph fetch is a few ms).
const ASSUMED_LATENCY_MS = 50;

/**
 * One service as the hub routes to it: its instances (each with a breaker), load balancing, the bulkhead and
 * the retry loop, all within the request's deadline. HubDataSource.send() calls `execute` for every fetch.
 */
export class ResilientService {
  private instanceList: ServiceInstance[];
  private readonly balancer: LoadBalancer;
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

  /** `observer` sees each attempt sent (attempt-observer.ts): tracing, metrics and message tracking hook in there. */
  async execute(fetch: FetchPolicy, transport: Transport, observer?: AttemptObserver): Promise<FetcherResponse> {
    // Fail fast, without queueing: with every breaker open nothing would be sent anyway.
    if (!this.balancer.anyRoutable(this.instanceList)) throw this.circuitOpen();
    if (!this.bulkhead.tryAcquire()) await this.bulkhead.acquire(fetch.priority, fetch.deadline);
    try {
      return await this.attempts(fetch, transport, observer);
    } finally {
      this.bulkhead.release();
    }
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

  private async attempts(fetch: FetchPolicy, transport: Transport, observer: AttemptObserver | undefined): Promise<FetcherResponse> {
    const maxAttempts = fetch.retryable ? this.policy.retry.maxAttempts : 1;
    const tried = new Set<ServiceInstance>();
    let nextDelay: (() => number) | undefined;
    let failure: { error: unknown } | { response: FetcherResponse } | undefined;
    let attempt = 0;
    // Each instance can refuse once per request (a raced probe slot); bounded so the loop always ends.
    let refusals = 0;
    while (attempt < maxAttempts) {
      const budget = attemptBudget(fetch.attemptTimeoutMs ?? this.policy.timeoutMs, fetch.deadline);
      if (budget.ms <= 0) break;
      // Never into an open breaker: another instance, or stop here with the last failure.
      const instance = this.balancer.pick(this.instanceList, tried);
      if (!instance) break;
      tried.add(instance);
      try {
        const send = (url: string) => withTimeout(budget, (signal) => transport(url, signal));
        const number = attempt + 1;
        const response = await instance.send(observer ? (url) => observer.attempt({ instance: url, number }, () => send(url)) : send);
        if (response.status < 500) return response;
        failure = { response };
      } catch (error) {
        // Another request took the last probe slot first: nothing was sent, so no attempt is spent.
        if (isBrokenCircuit(error) && ++refusals <= this.instanceList.length) continue;
        failure = { error };
      }
      attempt += 1;
      if (attempt >= maxAttempts) break;
      nextDelay ??= retryDelays(this.policy.retry);
      const delay = nextDelay();
      // A retry that could not start before the deadline is not worth waiting for.
      if (Date.now() + delay >= fetch.deadline) break;
      await sleep(delay);
    }
    if (!failure) {
      if (fetch.deadline <= Date.now()) throw new ServiceUnavailableError('DEADLINE_EXCEEDED', 'request deadline reached');
      throw this.circuitOpen();
    }
    if ('response' in failure) return failure.response;
    throw failure.error;
  }

  private circuitOpen(): ServiceUnavailableError {
    return new ServiceUnavailableError('CIRCUIT_OPEN', 'circuit breaker open');
  }

  private recentLatencyMs(): number {
    const latencies = this.instanceList.map((instance) => instance.latencyMs).filter((ms): ms is number => ms !== null);
    return latencies.length > 0 ? latencies.reduce((a, b) => a + b, 0) / latencies.length : ASSUMED_LATENCY_MS;
  }
}
