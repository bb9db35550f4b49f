import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleAll, type CircuitBreakerPolicy } from 'cockatiel';
import type { FetcherResponse } from '@apollo/utils.fetcher';

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface BreakerSnapshot {
  state: BreakerState;
  /** Consecutive failures counted towards opening (0 after a success). */
  failures: number;
  /** State changes since the gateway started. */
  transitions: number;
  /** The same, by the state changed to (the circuit_breaker_transitions_total metric). */
  transitionsTo: Record<BreakerState, number>;
  lastTransitionAt: Date | null;
}

export interface BreakerOptions {
  failureThreshold: number;
  resetTimeoutMs: number;
  /** Requests admitted while half-open: the first probes, the others wait for its outcome (cockatiel's half-open). */
  halfOpenProbes: number;
}

/** True for an HTTP answer that counts as the service failing (5xx); GraphQL errors in a 200 are answers. */
export const isFailedResponse = (result: unknown): boolean =>
  (result as FetcherResponse | undefined)?.status !== undefined && (result as FetcherResponse).status >= 500;

/** cockatiel's state as the hub names it; Isolated (held open by hand, which the hub never does) counts as open. */
function stateName(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'CLOSED';
    case CircuitState.HalfOpen:
      return 'HALF_OPEN';
    default:
      return 'OPEN';
  }
}

/**
 * The circuit breaker of one subgraph instance: cockatiel's CircuitBreakerPolicy with a ConsecutiveBreaker does
 * the mechanics (CLOSED -> OPEN after `failureThreshold` consecutive failures, OPEN -> HALF_OPEN after
 * `resetTimeoutMs`, closed again by a successful probe). Every thrown error of an attempt counts (network
 * errors and timeouts: the attempt's function only throws for those), and so does an HTTP 5xx answer.
 *
 * What this class adds: `admits()`, so the load balancer can skip an open instance without calling it (fail
 * fast, or another instance), the bound on requests let into a half-open instance, and the counts Query.hub shows.
 */
export class InstanceBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private readonly counter: ConsecutiveBreaker;
  private openedAt = 0;
  private halfOpenAdmitted = 0;
  private transitionCount = 0;
  private readonly transitionsTo: Record<BreakerState, number> = { CLOSED: 0, OPEN: 0, HALF_OPEN: 0 };
  private lastTransition: Date | null = null;

  constructor(private readonly options: BreakerOptions) {
    this.counter = new ConsecutiveBreaker(options.failureThreshold);
    this.policy = circuitBreaker(handleAll.orWhenResult(isFailedResponse), { halfOpenAfter: options.resetTimeoutMs, breaker: this.counter });
    this.policy.onStateChange((state) => {
      this.transitionCount += 1;
      this.transitionsTo[stateName(state)] += 1;
      this.lastTransition = new Date();
      if (state === CircuitState.Open) this.openedAt = Date.now();
    });
  }

  get state(): BreakerState {
    return stateName(this.policy.state);
  }

  /** Whether a request sent now would be let through (closed, or a probe slot of an open/half-open breaker is free). */
  admits(now = Date.now()): boolean {
    const state = this.policy.state;
    if (state === CircuitState.Closed) return true;
    if (state === CircuitState.Open && now - this.openedAt < this.options.resetTimeoutMs) return false;
    return this.halfOpenAdmitted < this.options.halfOpenProbes;
  }

  /**
   * Runs one attempt through the breaker. Rejects with cockatiel's BrokenCircuitError, before calling `attempt`,
   * when the breaker is open (a caller that raced another request into the last probe slot).
   */
  async execute<T>(attempt: () => Promise<T>): Promise<T> {
    const probing = this.policy.state !== CircuitState.Closed;
    if (probing) this.halfOpenAdmitted += 1;
    try {
      return await this.policy.execute(attempt);
    } finally {
      if (probing) this.halfOpenAdmitted -= 1;
    }
  }

  snapshot(): BreakerSnapshot {
    return {
      state: this.state,
      failures: this.counter.state,
      transitions: this.transitionCount,
      transitionsTo: { ...this.transitionsTo },
      lastTransitionAt: this.lastTransition,
    };
  }
}

export const isBrokenCircuit = (err: unknown): boolean => err instanceof BrokenCircuitError;
