import { describe, expect, it } from 'vitest';
import { loadHubConfig } from '#lib/config/hub-config.js';

// The mutations that wait on the llm through the hub, in the services that own them.
const CALLERS_OF_THE_LLM = ['Mutation.generateBackstory', 'Mutation.generatePlotHooks', 'Mutation.generatePortrait'] as const;

describe('the committed hub.yaml', () => {
  it('gives the fields that wait on the llm a longer attempt timeout than the llm, within the request timeout', () => {
    const config = loadHubConfig();
    const llm = config.services.llm?.timeout ?? config.message_hub.timeout;
    for (const field of CALLERS_OF_THE_LLM) {
      const timeout = config.message_hub.root_field_timeouts[field];
      expect(timeout, field).toBeGreaterThan(llm);
      expect(timeout, field).toBeLessThan(config.message_hub.request_timeout);
    }
  });

  it('keeps the short default for every other field of those services, so a stuck instance is found quickly', () => {
    const config = loadHubConfig();
    for (const name of ['character', 'campaign', 'image']) {
      expect(config.services[name]?.timeout ?? config.message_hub.timeout, name).toBeLessThanOrEqual(10);
    }
  });
});
