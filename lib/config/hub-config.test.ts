import { describe, expect, it } from 'vitest';
import { HubConfigError, interpolateEnv, parseHubConfig } from './hub-config.js';

describe('hub.yaml', () => {
  it('fills defaults and environment variables', () => {
    const env = { OPENAI_API_KEY: 'sk-test', EMPTY: '' };
    expect(interpolateEnv('${OPENAI_API_KEY} ${MISSING:-fallback} ${EMPTY:-used} ${MISSING}', env)).toBe('sk-test fallback used ');
    const config = parseHubConfig('services:\n  character:\n    retry_policy: { max_attempts: 2 }\n');
    expect(config.message_hub.circuit_breaker).toEqual({ failure_threshold: 5, reset_timeout: 60, half_open_probes: 1 });
    expect(config.message_hub.retry_policy).toEqual({ max_attempts: 3, backoff: 'exponential', base_delay: 0.05, max_delay: 1, jitter: true });
    // A service's settings are overrides: what it leaves out stays undefined and comes from message_hub.
    expect(config.services.character?.retry_policy).toEqual({ max_attempts: 2 });
    expect(config.llm_service.providers).toEqual({ local: {} });
  });

  it('stops on an unknown or bad key and names it', () => {
    expect(() => parseHubConfig('message_hub:\n  circuit_breaker: { failure_treshold: 3 }\n')).toThrow(/message_hub\.circuit_breaker.*failure_treshold/);
    expect(() => parseHubConfig('services:\n  image:\n    retry_policy: { backoff: sometimes }\n')).toThrow(/services\.image\.retry_policy\.backoff/);
    expect(() => parseHubConfig('message_hub: [')).toThrow(HubConfigError);
  });

  it('parses the committed hub.yaml', async () => {
    const { loadHubConfig } = await import('./hub-config.js');
    expect(loadHubConfig().message_hub.transaction.timeout).toBe(30);
  });
});
