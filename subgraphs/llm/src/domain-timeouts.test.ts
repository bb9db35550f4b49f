import { describe, expect, it } from 'vitest';
import { loadHubConfig } from '../../../lib/config/hub-config.js';

// The services whose generate* mutations wait on the llm through the hub (generateBackstory, generatePlotHooks,
// generatePortrait).
const CALLERS_OF_THE_LLM = ['character', 'campaign', 'image'] as const;

describe('the committed hub.yaml', () => {
  it('gives the services that wait on the llm a longer attempt timeout than the llm, within the request timeout', () => {
    const config = loadHubConfig();
    const llm = config.services.llm?.timeout ?? config.message_hub.timeout;
    for (const name of CALLERS_OF_THE_LLM) {
      const timeout = config.services[name]?.timeout ?? config.message_hub.timeout;
      expect(timeout, name).toBeGreaterThan(llm);
      expect(timeout, name).toBeLessThan(config.message_hub.request_timeout);
    }
  });
});
