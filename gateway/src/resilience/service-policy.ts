import { HubConfigError, type HubConfig } from '#lib/config/hub-config.js';
import { SWITCHABLE_POLICIES, type BACKOFFS, type DISCOVERY_MODES, type LOAD_BALANCING, type SwitchablePolicy } from '#lib/config/resilience-config.js';

/** Everything the hub applies to one service's fetches, in milliseconds: hub.yaml's message_hub with services.<name> over it. */
export interface ServicePolicy {
  /** Per attempt. */
  timeoutMs: number;
  breaker: { failureThreshold: number; resetTimeoutMs: number; halfOpenProbes: number };
  retry: RetryPolicy;
  loadBalancing: (typeof LOAD_BALANCING)[number];
  health: { intervalMs: number; timeoutMs: number };
  bulkhead: { maxConcurrent: number; maxQueue: number };
  /** How the instances are found: the configured URLs as they are, or every address their hosts resolve to. */
  discovery: { mode: (typeof DISCOVERY_MODES)[number]; intervalMs: number };
  /** Which policies of the fetch pipeline run (gateway/src/fetch-pipeline/pipeline.ts): hub.yaml `policies`. */
  policies: Record<SwitchablePolicy, boolean>;
}

export interface RetryPolicy {
  maxAttempts: number;
  backoff: (typeof BACKOFFS)[number];
  baseDelayMs: number;
  maxDelayMs: number;
  jitter: boolean;
}

const ms = (seconds: number) => Math.round(seconds * 1000);

export function resolveServicePolicy(config: HubConfig, name: string): ServicePolicy {
  const hub = config.message_hub;
  const service = config.services[name] ?? {};
  const breaker = { ...hub.circuit_breaker, ...definedOnly(service.circuit_breaker ?? {}) };
  const retry = { ...hub.retry_policy, ...definedOnly(service.retry_policy ?? {}) };
  if (retry.max_delay < retry.base_delay) {
    const where = service.retry_policy?.max_delay !== undefined || service.retry_policy?.base_delay !== undefined ? `services.${name}` : 'message_hub';
    throw new HubConfigError(`hub.yaml is invalid:\n  ${where}.retry_policy.max_delay: must not be shorter than base_delay (${retry.base_delay} s)`);
  }
  const health = { ...hub.health_check, ...definedOnly(service.health_check ?? {}) };
  const bulkhead = { ...hub.bulkhead, ...definedOnly(service.bulkhead ?? {}) };
  const discovery = { ...hub.discovery, ...definedOnly(service.discovery ?? {}) };
  return {
    timeoutMs: ms(service.timeout ?? hub.timeout),
    breaker: {
      failureThreshold: service.circuit_breaker?.failure_threshold ?? service.circuit_breaker?.threshold ?? breaker.failure_threshold,
      resetTimeoutMs: ms(breaker.reset_timeout),
      halfOpenProbes: breaker.half_open_probes,
    },
    retry: {
      maxAttempts: retry.max_attempts,
      backoff: retry.backoff,
      baseDelayMs: ms(retry.base_delay),
      maxDelayMs: ms(retry.max_delay),
      jitter: retry.jitter,
    },
    loadBalancing: service.load_balancing ?? hub.load_balancing,
    health: { intervalMs: ms(health.interval), timeoutMs: ms(health.timeout) },
    bulkhead: { maxConcurrent: bulkhead.max_concurrent, maxQueue: bulkhead.max_queue },
    discovery: { mode: discovery.mode, intervalMs: ms(discovery.interval) },
    policies: Object.fromEntries(SWITCHABLE_POLICIES.map((policy) => [policy, service.policies?.[policy] ?? hub.policies[policy] ?? true])) as Record<
      SwitchablePolicy,
      boolean
    >,
  };
}

/** A service's overrides without the keys it left out, so that spreading them keeps message_hub's values. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
