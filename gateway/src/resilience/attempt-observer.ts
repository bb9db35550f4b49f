/** Which attempt of a fetch is being sent: the instance the load balancer picked and its number, from 1. */
export interface AttemptInfo {
  instance: string;
  number: number;
}

/**
 * Watches the attempts of one fetch where the fetch pipeline makes them (fetch-pipeline/use-trace.ts), so that tracing, metrics and message tracking
 * see every attempt (its instance, number and outcome) without the resilience code knowing about any of them.
 * `attempt` wraps the send: it must call `send` once and return (or throw) what it gives; the send runs inside
 * whatever context the observer sets up (the attempt's span, so its trace context reaches the request headers).
 * Only attempts actually sent are wrapped: an open breaker's refusal is not one.
 */
export interface AttemptObserver {
  attempt<T extends { status: number }>(info: AttemptInfo, send: () => Promise<T>): Promise<T>;
}
