import { InstanceBreaker, isBrokenCircuit, isFailedResponse, type BreakerOptions, type BreakerSnapshot } from './breaker.js';

// 0.2: each answer moves the recent latency a fifth of the way, so it follows a change within about ten
// requests yet one slow outlier does not swing it.
const LATENCY_SMOOTHING = 0.2;

export interface InstanceSnapshot {
  url: string;
  /** From the last /health poll; null until the first poll answered. */
  healthy: boolean | null;
  /** Why the last poll failed (connection refused, timeout after N ms, HTTP status). */
  healthError: string | null;
  lastHealthCheckAt: Date | null;
  breaker: BreakerSnapshot;
  /** Fetches in flight now. */
  outstanding: number;
  /** Smoothed latency of recent answers in ms; null before the first. */
  latencyMs: number | null;
  /** Attempts sent since the gateway started (retries count once each). */
  requests: number;
  /** Attempts that failed: network error, timeout or HTTP 5xx. */
  failures: number;
}

/** One routing URL of a service: its breaker, health and the load balancer's figures. */
export class ServiceInstance {
  readonly breaker: InstanceBreaker;
  healthy: boolean | null = null;
  healthError: string | null = null;
  lastHealthCheckAt: Date | null = null;
  outstanding = 0;
  latencyMs: number | null = null;
  requests = 0;
  failures = 0;

  constructor(
    readonly url: string,
    breaker: BreakerOptions,
  ) {
    this.breaker = new InstanceBreaker(breaker);
  }

  /** Routable: its breaker lets a request through; `preferHealthy` also requires that /health did not fail. */
  routable(preferHealthy: boolean, now = Date.now()): boolean {
    return (!preferHealthy || this.healthy !== false) && this.breaker.admits(now);
  }

  /** One attempt to this instance through its breaker, counted for Query.hub and the load balancer. */
  send<T>(attempt: (url: string) => Promise<T>): Promise<T> {
    return this.track(() => this.breaker.execute(() => attempt(this.url)));
  }

  /**
   * Counts one attempt to this instance (fetch-pipeline/use-load-balance.ts): in flight while `attempt` runs, its
   * latency, and whether it failed. The breaker may sit inside `attempt` (fetch-pipeline/use-breaker.ts).
   */
  async track<T>(attempt: () => Promise<T>): Promise<T> {
    const started = performance.now();
    this.outstanding += 1;
    this.requests += 1;
    try {
      const result = await attempt();
      if (isFailedResponse(result)) this.failures += 1;
      // An answer proves the instance is up: no need to wait for the next /health poll to route to it again.
      else if (this.healthy === false) this.setHealth(null);
      this.observe(performance.now() - started);
      return result;
    } catch (err) {
      // An open breaker refused without sending: not an attempt the instance failed.
      if (isBrokenCircuit(err)) this.requests -= 1;
      else this.failures += 1;
      throw err;
    } finally {
      this.outstanding -= 1;
    }
  }

  setHealth(error: string | null, at = new Date()): void {
    this.healthy = error === null;
    this.healthError = error;
    this.lastHealthCheckAt = at;
  }

  snapshot(): InstanceSnapshot {
    const { url, healthy, healthError, lastHealthCheckAt, outstanding, latencyMs, requests, failures } = this;
    return { url, healthy, healthError, lastHealthCheckAt, breaker: this.breaker.snapshot(), outstanding, latencyMs, requests, failures };
  }

  private observe(ms: number): void {
    this.latencyMs = this.latencyMs === null ? ms : this.latencyMs + LATENCY_SMOOTHING * (ms - this.latencyMs);
  }
}
