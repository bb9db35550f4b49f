import { describe, expect, it } from 'vitest';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { resolveServicePolicy } from './service-policy.js';

describe('resolveServicePolicy', () => {
  it('takes message_hub as defaults and services.<name> over them, in milliseconds', () => {
    const config = parseHubConfig(`
message_hub:
  timeout: 5
  retry_policy: { max_attempts: 4, base_delay: 100ms }
  circuit_breaker: { failure_threshold: 7 }
services:
  llm:
    timeout: 45s
    retry_policy: { backoff: constant }
    circuit_breaker: { threshold: 2, reset_timeout: 1m }
    load_balancing: round_robin
    bulkhead: { max_concurrent: 4 }
    discovery: { mode: dns }
`);
    expect(resolveServicePolicy(config, 'character')).toEqual({
      timeoutMs: 5000,
      breaker: { failureThreshold: 7, resetTimeoutMs: 60_000, halfOpenProbes: 1 },
      retry: { maxAttempts: 4, backoff: 'exponential', baseDelayMs: 100, maxDelayMs: 1000, jitter: true },
      loadBalancing: 'least_outstanding',
      health: { intervalMs: 5000, timeoutMs: 2000 },
      bulkhead: { maxConcurrent: 64, maxQueue: 256 },
      discovery: { mode: 'static', intervalMs: 5000 },
      policies: {
        track: true,
        deadline: true,
        priority: true,
        dedup: true,
        bulkhead: true,
        retry: true,
        load_balance: true,
        breaker: true,
        timeout: true,
        trace: true,
      },
    });
    expect(resolveServicePolicy(config, 'llm')).toMatchObject({
      timeoutMs: 45_000,
      // `threshold`, the older spelling, still sets the failure threshold.
      breaker: { failureThreshold: 2, resetTimeoutMs: 60_000 },
      retry: { maxAttempts: 4, backoff: 'constant', baseDelayMs: 100 },
      loadBalancing: 'round_robin',
      bulkhead: { maxConcurrent: 4, maxQueue: 256 },
      discovery: { mode: 'dns', intervalMs: 5000 },
    });
  });

  it('switches policies off in message_hub, or per service over it, and refuses to switch off signing', () => {
    const config = parseHubConfig('message_hub:\n  policies: { dedup: false }\nservices:\n  llm:\n    policies: { dedup: true, retry: false }\n');
    expect(resolveServicePolicy(config, 'character').policies).toMatchObject({ dedup: false, retry: true });
    expect(resolveServicePolicy(config, 'llm').policies).toMatchObject({ dedup: true, retry: false, breaker: true });
    expect(() => parseHubConfig('services:\n  llm:\n    policies: { sign: false }\n')).toThrow(/services\.llm\.policies\.sign: sign cannot be switched off/);
    expect(() => parseHubConfig('message_hub:\n  policies: { retries: false }\n')).toThrow(/message_hub\.policies/);
  });

  it('names the key when a service makes max_delay shorter than base_delay', () => {
    const config = parseHubConfig('services:\n  image:\n    retry_policy: { base_delay: 2s }\n');
    expect(() => resolveServicePolicy(config, 'image')).toThrow(/services\.image\.retry_policy\.max_delay/);
    expect(() => resolveServicePolicy(config, 'character')).not.toThrow();
  });
});
